import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import type { PinVerdict } from '../../../../main/admin/admin-gate';
import { sessionMachine, WIPE_FAILURES_BEFORE_MAINTENANCE, type AdminAction, type SessionSettings } from '../../../../main/session/machine';
import { startSimulatedKiosk } from './simulated-kiosk';

const RIGHT = '2468';

/**
 * A kiosk whose PIN check takes RIGHT and says "wrong" to anything else (or "locked" once `locked` is
 * set); the wipe succeeds unless `wipeFails`. Admin actions and wipes are counted.
 */
function startKiosk(overrides: Partial<SessionSettings> = {}) {
  const state = { locked: null as number | null, wipeFails: false, wipes: 0, checked: [] as string[], actions: [] as AdminAction[] };
  const machine = sessionMachine.provide({
    actors: {
      wipeSession: fromPromise<void>(async () => {
        state.wipes++;
        if (state.wipeFails) throw new Error('cookies left');
      }),
      adminLockout: fromPromise<number | null>(async () => state.locked),
      checkAdminPin: fromPromise<PinVerdict, { pin: string }>(async ({ input }) => {
        state.checked.push(input.pin);
        if (state.locked !== null) return { verdict: 'locked', minutesLeft: state.locked };
        return input.pin === RIGHT ? { verdict: 'accepted' } : { verdict: 'wrong', attemptsLeft: 4 };
      }),
    },
    actions: { adminAction: (_, action) => void state.actions.push(action) },
  });
  const kiosk = startSimulatedKiosk(machine, overrides);
  const can = (event: Parameters<typeof kiosk.actor.send>[0]) => kiosk.actor.getSnapshot().can(event);
  return { ...kiosk, state, can };
}

/** Gesture, then the right PIN: the panel. */
async function openPanel(kiosk: ReturnType<typeof startKiosk>) {
  kiosk.actor.send({ type: 'ADMIN.OPEN' });
  await kiosk.settle();
  kiosk.actor.send({ type: 'ADMIN.PIN', pin: RIGHT });
  await kiosk.settle();
}

const panelCommands = [
  { type: 'ADMIN.MAINTENANCE', on: true }, { type: 'ADMIN.RESTART' }, { type: 'ADMIN.EXIT_TO_DESKTOP' },
] as const;

describe('the administrator exit', () => {
  it('opens the PIN screen from attract, then the panel on the right PIN', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'admin-pin', admin: { pin: { status: 'entry' }, maintenance: false } });
    kiosk.actor.send({ type: 'ADMIN.PIN', pin: '1111' });
    expect(kiosk.view().admin?.pin.status).toBe('checking');
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'admin-pin', admin: { pin: { status: 'wrong', attemptsLeft: 4 } } });
    kiosk.actor.send({ type: 'ADMIN.PIN', pin: RIGHT });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('admin-panel');
    expect(kiosk.state.checked).toEqual(['1111', RIGHT]);
  });

  it('never keeps the PIN in its context', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    await kiosk.settle();
    kiosk.actor.send({ type: 'ADMIN.PIN', pin: '97531' });
    await kiosk.settle();
    expect(JSON.stringify(kiosk.actor.getSnapshot().context)).not.toContain('97531');
  });

  it('shows the lock as soon as the PIN screen opens, with the minutes left', async () => {
    const kiosk = startKiosk();
    kiosk.state.locked = 12;
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    await kiosk.settle();
    expect(kiosk.view().admin?.pin).toEqual({ status: 'locked', attemptsLeft: null, lockedMinutesLeft: 12 });
    kiosk.actor.send({ type: 'ADMIN.PIN', pin: RIGHT });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('admin-pin');
  });

  it('refuses every panel command until the PIN was right', async () => {
    const kiosk = startKiosk({ admin: { panelIdleSeconds: 60, allowExitToDesktop: true } });
    for (const command of panelCommands) expect(kiosk.can(command)).toBe(false);
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    await kiosk.settle();
    for (const command of panelCommands) {
      expect(kiosk.can(command)).toBe(false);
      kiosk.actor.send(command);
    }
    expect(kiosk.state.actions).toEqual([]);
    expect(kiosk.view().admin?.maintenance).toBe(false);
    kiosk.actor.send({ type: 'ADMIN.PIN', pin: RIGHT });
    await kiosk.settle();
    for (const command of panelCommands) expect(kiosk.can(command)).toBe(true);
  });

  it('refuses exit to the desktop unless the profile allows it', async () => {
    const kiosk = startKiosk();
    await openPanel(kiosk);
    expect(kiosk.can({ type: 'ADMIN.EXIT_TO_DESKTOP' })).toBe(false);
    kiosk.actor.send({ type: 'ADMIN.EXIT_TO_DESKTOP' });
    kiosk.actor.send({ type: 'ADMIN.RESTART' });
    expect(kiosk.state.actions).toEqual(['restart']);
  });

  it('does nothing on the gesture when the profile has no admin section', () => {
    const kiosk = startKiosk({ admin: null });
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    expect(kiosk.view().screen).toBe('attract');
  });

  it('ends and wipes a visit under way before the PIN screen opens', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    expect(kiosk.view().screen).toBe('wipe');
    await kiosk.settle();
    await kiosk.settle();
    expect(kiosk.state.wipes).toBe(1);
    expect(kiosk.view()).toMatchObject({ screen: 'admin-pin', language: 'fr' });
  });

  it('leaves through the wipe, to attract, on close, on cancel and after panelIdleSeconds without a touch', async () => {
    const kiosk = startKiosk();
    await openPanel(kiosk);
    kiosk.actor.send({ type: 'ADMIN.CLOSE' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
    kiosk.actor.send({ type: 'ADMIN.OPEN' });
    await kiosk.settle();
    kiosk.actor.send({ type: 'ADMIN.CLOSE' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.state.wipes).toBe(2);

    await openPanel(kiosk);
    kiosk.seconds(59);
    kiosk.actor.send({ type: 'USER.ACTIVITY' });
    kiosk.seconds(59);
    expect(kiosk.view().screen).toBe('admin-panel');
    kiosk.seconds(1);
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
  });
});

describe('maintenance mode', () => {
  it('is turned on from the panel, and closing the panel then leads to out of service', async () => {
    const kiosk = startKiosk();
    await openPanel(kiosk);
    kiosk.actor.send({ type: 'ADMIN.MAINTENANCE', on: true });
    expect(kiosk.view().admin?.maintenance).toBe(true);
    expect(kiosk.state.actions).toEqual(['maintenance-on']);
    kiosk.actor.send({ type: 'ADMIN.CLOSE' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('out-of-service');
  });

  it('is left by no touch and no timer, only by an administrator turning it off', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'MAINTENANCE.ENTER' });
    expect(kiosk.view().screen).toBe('out-of-service');
    for (const event of [{ type: 'SESSION.START' }, { type: 'USER.ACTIVITY' }, { type: 'END.DISMISS' }, { type: 'ADMIN.CLOSE' }] as const) {
      kiosk.actor.send(event);
    }
    kiosk.seconds(24 * 3600);
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('out-of-service');

    await openPanel(kiosk);
    expect(kiosk.view()).toMatchObject({ screen: 'admin-panel', admin: { maintenance: true } });
    kiosk.actor.send({ type: 'ADMIN.CLOSE' }); // closing without turning it off: still out of service
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('out-of-service');
    await openPanel(kiosk);
    kiosk.actor.send({ type: 'ADMIN.MAINTENANCE', on: false });
    kiosk.actor.send({ type: 'ADMIN.CLOSE' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
  });

  it('is left by the host command MAINTENANCE.LEAVE, through a wipe', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'MAINTENANCE.ENTER' });
    kiosk.actor.send({ type: 'MAINTENANCE.LEAVE' });
    expect(kiosk.view().screen).toBe('wipe');
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
  });

  it('waits for the visit under way to end when the host command comes mid-visit', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'MAINTENANCE.ENTER' });
    expect(kiosk.view().screen).toBe('language');
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('out-of-service');
  });

  it(`latches after ${WIPE_FAILURES_BEFORE_MAINTENANCE} failed wipes in a row: a wipe that then succeeds still leaves the kiosk out of service`, async () => {
    const kiosk = startKiosk();
    kiosk.state.wipeFails = true;
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    for (let i = 1; i < WIPE_FAILURES_BEFORE_MAINTENANCE; i++) {
      kiosk.seconds(30);
      await kiosk.settle();
    }
    expect(kiosk.state.wipes).toBe(WIPE_FAILURES_BEFORE_MAINTENANCE);
    expect(kiosk.actor.getSnapshot().context.outOfOrder).toBe(true);
    kiosk.state.wipeFails = false;
    kiosk.seconds(30);
    await kiosk.settle();
    expect(kiosk.actor.getSnapshot().value).toBe('maintenance');
  });

  it('returns to service after a wipe that fails fewer times than that', async () => {
    const kiosk = startKiosk();
    kiosk.state.wipeFails = true;
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    kiosk.state.wipeFails = false;
    kiosk.seconds(30);
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
  });

  it('lets an administrator in while a failed wipe keeps it out of service, and never serves before a wipe succeeds', async () => {
    const kiosk = startKiosk();
    kiosk.state.wipeFails = true;
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    await openPanel(kiosk);
    expect(kiosk.view().screen).toBe('admin-panel');
    kiosk.actor.send({ type: 'ADMIN.CLOSE' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('out-of-service');
  });
});
