import { describe, expect, it } from 'vitest';
import { citizenMaySend, CITIZEN_HAND, nextHand } from '../../../../main/assist/hand';
import { startWipingKiosk } from '../session/simulated-kiosk';
import { startRecordedKiosk } from '../usage/recorded-kiosk';
import { startSimulatedKiosk } from '../session/simulated-kiosk';
import { sessionMachine } from '../../../../main/session/machine';

const TAKE = { type: 'AGENT.TAKE_HAND', agentId: 'marie', agentName: 'Marie' } as const;
const GIVE_BACK = { type: 'AGENT.GIVE_BACK', agentId: 'marie' } as const;

function assistedKiosk() {
  const kiosk = startSimulatedKiosk(sessionMachine, { assisted: true });
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
  return kiosk;
}

describe('the hand in the session machine', () => {
  it('shows the citizen holding it from the start, help asked until an agent takes it, then the agent by name', () => {
    const kiosk = assistedKiosk();
    expect(kiosk.view().assist).toEqual({ hand: 'citizen', agentName: null, helpAsked: false });
    kiosk.actor.send({ type: 'HELP.ASK' });
    expect(kiosk.view().assist).toEqual({ hand: 'citizen', agentName: null, helpAsked: true });
    kiosk.actor.send(TAKE);
    expect(kiosk.view().assist).toEqual({ hand: 'agent', agentName: 'Marie', helpAsked: false });
    kiosk.actor.send(GIVE_BACK);
    expect(kiosk.view().assist).toEqual({ hand: 'citizen', agentName: null, helpAsked: false });
  });

  it('lets an agent take the hand only from the citizen, during a visit, and give back only their own', () => {
    const kiosk = startSimulatedKiosk(sessionMachine, { assisted: true });
    expect(kiosk.actor.getSnapshot().can(TAKE)).toBe(false); // attract: no visit, nobody to help
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send(TAKE);
    expect(kiosk.actor.getSnapshot().can({ ...TAKE, agentId: 'karim', agentName: 'Karim' })).toBe(false);
    expect(kiosk.actor.getSnapshot().can({ type: 'AGENT.GIVE_BACK', agentId: 'karim' })).toBe(false);
    expect(kiosk.actor.getSnapshot().can(GIVE_BACK)).toBe(true);
  });

  it('lets the citizen take the hand back at any time, the end screen included', () => {
    const kiosk = assistedKiosk();
    kiosk.actor.send(TAKE);
    kiosk.actor.send({ type: 'HAND.RECLAIM' });
    expect(kiosk.view().assist?.hand).toBe('citizen');
    kiosk.actor.send(TAKE);
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(kiosk.view()).toMatchObject({ screen: 'end', assist: { hand: 'agent' } });
    kiosk.actor.send({ type: 'HAND.RECLAIM' });
    expect(kiosk.view().assist?.hand).toBe('citizen');
  });

  it('is wiped with the visit: the next visit starts with the citizen holding it and no help asked', async () => {
    const kiosk = startWipingKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'HELP.ASK' });
    kiosk.actor.send(TAKE);
    expect(kiosk.actor.getSnapshot().context.hand).toMatchObject({ holder: 'agent' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.failure()).toBeNull();
    expect(kiosk.actor.getSnapshot().context.hand).toEqual(CITIZEN_HAND);
  });

  it('sends no hand to the views of a kiosk without assisted mode', () => {
    const kiosk = startSimulatedKiosk(sessionMachine);
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(kiosk.view().assist).toBeNull();
  });

  it('records help asked once until an agent answers it', () => {
    const kiosk = startRecordedKiosk();
    kiosk.visit();
    kiosk.actor.send({ type: 'HELP.ASK' });
    kiosk.actor.send({ type: 'HELP.ASK' });
    kiosk.actor.send(TAKE);
    kiosk.actor.send(GIVE_BACK);
    kiosk.actor.send({ type: 'HELP.ASK' });
    expect(kiosk.recorded.filter((e) => e.type === 'help-asked')).toHaveLength(2);
  });
});

describe('the citizen\'s touches while an agent has the hand', () => {
  const agentHand = nextHand(CITIZEN_HAND, TAKE)!;

  it('drive nothing but presence, the administrator\'s gesture and taking the hand back', () => {
    for (const type of ['VISIT.FINISH', 'LANGUAGE.CHOOSE', 'PROCEDURE.OPEN', 'SITE.OPEN', 'HELP.ASK', 'END.DISMISS', 'CONSENT.ACCEPT'] as const) {
      expect(citizenMaySend(agentHand, { type } as never), type).toBe(false);
    }
    for (const type of ['USER.ACTIVITY', 'VIEW.ALIVE', 'HAND.RECLAIM', 'ADMIN.OPEN'] as const) {
      expect(citizenMaySend(agentHand, { type } as never), type).toBe(true);
    }
    expect(citizenMaySend(CITIZEN_HAND, { type: 'VISIT.FINISH' })).toBe(true);
  });
});
