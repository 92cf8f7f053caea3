import { describe, expect, it } from 'vitest';
import { assign } from 'xstate';
import { sessionMachine } from '../../../../main/session/machine';
import type { SessionState } from '../../../../main/session/snapshot';
import { visitLeftovers } from '../../../../main/session/wipe';
import { measure, startSimulatedKiosk, startWipingKiosk } from './simulated-kiosk';

const fever = { kind: 'thermometer' as const, celsius: 38, site: 'finger' as const, takenAt: null };

/** A visit in English with a 38 °C reading, ended by the person. */
async function visitAndLeave(kiosk: ReturnType<typeof startWipingKiosk>) {
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  await measure(kiosk, fever);
  expect(kiosk.view()).toMatchObject({ screen: 'home', language: 'en', measurements: { thermometer: fever } });
  kiosk.actor.send({ type: 'VISIT.FINISH' });
  kiosk.actor.send({ type: 'END.DISMISS' });
  await kiosk.settle();
}

describe('the wipe proof', () => {
  it('passes when the reset empties the visit and the browser reports nothing left', async () => {
    const kiosk = startWipingKiosk();
    await visitAndLeave(kiosk);
    expect(kiosk.view()).toMatchObject({ screen: 'attract', language: 'fr', measurements: {}, measuring: null, idleWarning: null });
    expect(kiosk.failure()).toBeNull();
    expect(kiosk.lines.some((l) => l.msg === 'visit wiped and verified')).toBe(true);
  });

  it('fails, naming what survived, when the browser still holds data', async () => {
    const kiosk = startWipingKiosk({ browsing: { cleared: [], leftovers: ['cookies: 1'] } });
    await visitAndLeave(kiosk);
    expect(kiosk.view().screen).toBe('out-of-service');
    expect(kiosk.failure()).toBe('the wipe left data behind: browser: cookies: 1');
  });

  it('puts the kiosk out of service, for good, when the reset leaves the measurements behind', async () => {
    // The reset as it used to be written by hand, one field short.
    const forgetful = sessionMachine.provide({
      actions: { forgetVisit: assign({ language: ({ context }) => context.settings.defaultLanguage, idleSecondsLeft: null, idleStep: 'language' }) },
    });
    const kiosk = startWipingKiosk({ machine: forgetful });
    await visitAndLeave(kiosk);
    expect(kiosk.view().screen).toBe('out-of-service');
    expect(kiosk.failure()).toBe('the wipe left data behind: session: measurements, snapshot: measurements');
    // Every retry resets the same way and fails the same way: no visit starts on that state.
    kiosk.seconds(30);
    await kiosk.settle();
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(kiosk.view().screen).toBe('out-of-service');
    expect(kiosk.lines.filter((l) => l.msg === 'wipe failed: the kiosk stays out of service')).toHaveLength(2);
  });

  it('checks every field of the visit without naming any: a leftover language fails it too', async () => {
    const forgetful = sessionMachine.provide({ actions: { forgetVisit: assign({ measurements: {}, measuring: null, idleSecondsLeft: null, idleStep: 'language' }) } });
    const kiosk = startWipingKiosk({ machine: forgetful });
    await visitAndLeave(kiosk);
    expect(kiosk.failure()).toBe('the wipe left data behind: session: language, snapshot: language');
  });

  it('proves nothing on a state other than the wiped one', () => {
    const kiosk = startSimulatedKiosk(sessionMachine);
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    const beforeTheWipe: SessionState = kiosk.actor.getSnapshot();
    expect(visitLeftovers(beforeTheWipe)).toEqual(['session: the state the views were sent is not the wiped one']);
    expect(visitLeftovers(undefined)).toHaveLength(1);
  });
});
