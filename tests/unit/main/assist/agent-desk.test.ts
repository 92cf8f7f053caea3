import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentMessage } from '../../../../common/assist';
import { AgentDesk } from '../../../../main/assist/agent-desk';
import { AgentSessions } from '../../../../main/assist/agent-sessions';
import { openAssistJournal } from '../../../../main/assist/assist-journal';
import { sessionMachine } from '../../../../main/session/machine';
import { captureLog } from '../../../support/capture-log';
import { startSimulatedKiosk } from '../session/simulated-kiosk';

const SITE = 'https://www.service-public.fr/';
const folders: string[] = [];
const journals: Array<{ settled(): Promise<void> }> = [];
afterEach(async () => {
  // A hand move journaled at the test's end is still being written: removed before, its folder would come back.
  await Promise.all(journals.splice(0).map((journal) => journal.settled()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A desk on the real machine (assisted, one site tile), with Marie logged in on one page. */
async function deskWithMarie() {
  const dir = folders[folders.push(mkdtempSync(path.join(tmpdir(), 'borne-desk-'))) - 1]!;
  const kiosk = startSimulatedKiosk(sessionMachine, { assisted: true, siteTiles: [{ label: { fr: 'SP', en: 'SP' }, url: SITE, call: null }] });
  const { log } = captureLog();
  const journal = await openAssistJournal(dir, log);
  journals.push(journal);
  const clock = { now: 0 };
  const sessions = new AgentSessions(60, () => clock.now);
  const desk = new AgentDesk(kiosk.actor, sessions, journal, (url) => (url === SITE ? { allow: true } : { allow: false, reason: 'not on the list' }), log);
  kiosk.actor.subscribe((state) => desk.stateChanged(state));
  const { token, session } = sessions.open({ id: 'marie', name: 'Marie' });
  const received: AgentMessage[] = [];
  const page = desk.hubFor(token).attach({ label: 'test', send: (message) => received.push(message) });
  const last = () => received.findLast((m) => m.type === 'mirror') as Extract<AgentMessage, { type: 'mirror' }>;
  const rejected = () => received.filter((m) => m.type === 'rejected').map((m) => (m as { reason: string }).reason);
  const events = () => journal.since(0).map(({ event, ...rest }) => ({ event, ...rest }));
  return { kiosk, desk, page, last, rejected, events, token, session, clock };
}

describe('the agent desk', () => {
  it('mirrors the visit to the agent page and offers the take only during a visit', async () => {
    const { kiosk, last } = await deskWithMarie();
    expect(last()).toMatchObject({ snapshot: { screen: 'attract' }, agent: { id: 'marie', name: 'Marie' }, mayTake: false, pushes: [] });
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(last()).toMatchObject({ snapshot: { screen: 'language' }, mayTake: true, pushes: [] });
  });

  it('lets the agent who took the hand push the steps the machine takes now, and nothing else', async () => {
    const { kiosk, page, last, rejected } = await deskWithMarie();
    kiosk.actor.send({ type: 'SESSION.START' });
    page.receive({ type: 'STEP.PUSH', event: { type: 'LANGUAGE.CHOOSE', language: 'en' } });
    expect(rejected()).toEqual(['take the hand before pushing a step']);
    page.receive({ type: 'HAND.TAKE' });
    expect(last().pushes).toEqual([{ type: 'LANGUAGE.CHOOSE', language: 'fr' }, { type: 'LANGUAGE.CHOOSE', language: 'en' }, { type: 'VISIT.FINISH' }]);
    page.receive({ type: 'STEP.PUSH', event: { type: 'LANGUAGE.CHOOSE', language: 'en' } });
    // The notice is the citizen's to accept: it is no step an agent pushes.
    expect(last().snapshot).toMatchObject({ screen: 'consent', language: 'en' });
    expect(last().pushes).toEqual([{ type: 'VISIT.FINISH' }]);
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    expect(last().snapshot).toMatchObject({ screen: 'home', language: 'en' });
    expect(last().pushes).toEqual([{ type: 'SITE.OPEN', url: SITE }, { type: 'VISIT.FINISH' }]);
    page.receive({ type: 'STEP.PUSH', event: { type: 'SITE.OPEN', url: 'https://elsewhere.example/' } });
    page.receive({ type: 'STEP.PUSH', event: { type: 'MEASURE.DONE' } });
    page.receive({ type: 'STEP.PUSH', event: { type: 'ADMIN.OPEN' } });
    page.receive({ type: 'STEP.PUSH', event: { type: 'CONSENT.ACCEPT' } });
    expect(rejected().slice(1)).toEqual([
      'SITE.OPEN is not a step the visit takes now',
      'MEASURE.DONE is not a step the visit takes now',
      expect.stringContaining('an agent may push only'),
      expect.stringContaining('an agent may push only'),
    ]);
    expect(kiosk.view().screen).toBe('home');
  });

  it('rejects malformed commands with a reason and acts on none', async () => {
    const { kiosk, page, rejected } = await deskWithMarie();
    kiosk.actor.send({ type: 'SESSION.START' });
    for (const raw of ['HAND.TAKE', { type: 'HAND.TAKE', extra: 1 }, { type: 'AGENT.TAKE_HAND', agentId: 'x', agentName: 'X' }, null, 42]) page.receive(raw);
    expect(rejected()).toHaveLength(5);
    expect(kiosk.view().assist?.hand).toBe('citizen');
  });

  it('gives the hand back when the agent hands it back, leaves, logs out or their session expires, and journals who ended it', async () => {
    const { kiosk, desk, page, events, token, session } = await deskWithMarie();
    kiosk.actor.send({ type: 'SESSION.START' });
    page.receive({ type: 'HAND.TAKE' });
    page.receive({ type: 'HAND.GIVE_BACK' });
    page.receive({ type: 'HAND.TAKE' });
    kiosk.actor.send({ type: 'HAND.RECLAIM' });
    page.receive({ type: 'HAND.TAKE' });
    page.detach();
    expect(kiosk.view().assist?.hand).toBe('citizen');
    const again = desk.hubFor(token).attach({ label: 'again', send: () => {} });
    again.receive({ type: 'HAND.TAKE' });
    desk.loggedOut(token, session, 'logout');
    expect(kiosk.view().assist?.hand).toBe('citizen');
    expect(events().filter((e) => e.event.startsWith('hand-'))).toEqual([
      { event: 'hand-taken', agent: 'marie' }, { event: 'hand-given-back', agent: 'marie', by: 'agent' },
      { event: 'hand-taken', agent: 'marie' }, { event: 'hand-given-back', agent: 'marie', by: 'citizen' },
      { event: 'hand-taken', agent: 'marie' }, { event: 'hand-given-back', agent: 'marie', by: 'agent-left' },
      { event: 'hand-taken', agent: 'marie' }, { event: 'hand-given-back', agent: 'marie', by: 'agent-left' },
    ].map((e) => expect.objectContaining(e)));
    expect(events().filter((e) => e.event === 'agent-logout')).toEqual([expect.objectContaining({ agent: 'marie', reason: 'logout' })]);
  });

  it('ends the pages of an expired session, gives the hand back and refuses its commands', async () => {
    const { kiosk, desk, page, rejected, clock, token, events } = await deskWithMarie();
    kiosk.actor.send({ type: 'SESSION.START' });
    page.receive({ type: 'HAND.TAKE' });
    clock.now += 60 * 60_000;
    page.receive({ type: 'STEP.PUSH', event: { type: 'VISIT.FINISH' } });
    expect(rejected()).toEqual(['session expired: log in again']);
    expect(desk.expire()).toEqual([token]);
    expect(kiosk.view()).toMatchObject({ screen: 'language', assist: { hand: 'citizen' } });
    expect(events().filter((e) => e.event === 'agent-logout')).toEqual([expect.objectContaining({ reason: 'expired' })]);
  });
});
