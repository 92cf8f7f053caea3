import { describe, expect, it } from 'vitest';
import { createMachine, fromPromise } from 'xstate';
import { sessionMachine } from '../../../../main/session/machine';
import { startSimulatedKiosk } from './simulated-kiosk';
import { PROCEDURES } from './procedures';

/** Default 60 s; home 20 s, the official site 300 s; a 10 s warning (simulated-kiosk.ts). */
function startKiosk() {
  const machine = sessionMachine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}) } });
  return startSimulatedKiosk(machine, { procedures: PROCEDURES, idleTimeoutSecondsByScreen: { home: 20, site: 300 } });
}

function toGuide(kiosk: ReturnType<typeof startKiosk>) {
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'passport' });
}

describe('inactivity per step', () => {
  it('warns after the step\'s own timeout: shorter on home', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.seconds(19);
    expect(kiosk.view().idleWarning).toBeNull();
    kiosk.seconds(1);
    expect(kiosk.view()).toMatchObject({ screen: 'home', idleWarning: { secondsLeft: 10 } });
  });

  it('uses the default on a step without its own (the consent notice, the guide)', () => {
    const kiosk = startKiosk();
    toGuide(kiosk);
    kiosk.seconds(59);
    expect(kiosk.view()).toMatchObject({ screen: 'guide', idleWarning: null });
    kiosk.seconds(1);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });

  it('counts afresh from each new step: longer on an official site, and the warning then ends the visit', () => {
    const kiosk = startKiosk();
    toGuide(kiosk);
    kiosk.seconds(50);
    kiosk.actor.send({ type: 'PROCEDURE.START' });
    kiosk.seconds(299);
    expect(kiosk.view()).toMatchObject({ screen: 'site', idleWarning: null });
    kiosk.seconds(1);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
    kiosk.seconds(10);
    expect(kiosk.view()).toMatchObject({ screen: 'end', idleWarning: null });
  });

  it('clears a warning when the step changes, and applies the new step\'s timeout', () => {
    const kiosk = startKiosk();
    toGuide(kiosk);
    kiosk.seconds(62);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 8 });
    kiosk.actor.send({ type: 'PROCEDURE.CLOSE' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', idleWarning: null });
    kiosk.seconds(20);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });

  it('never times out while a busy step holds the count, and counts again once it ends', () => {
    const kiosk = startKiosk();
    toGuide(kiosk);
    kiosk.seconds(62); // the warning shows: a call starts now
    kiosk.actor.send({ type: 'PRESENCE.HOLD' });
    expect(kiosk.view().idleWarning).toBeNull();
    kiosk.seconds(3600);
    expect(kiosk.view()).toMatchObject({ screen: 'guide', idleWarning: null });
    kiosk.actor.send({ type: 'USER.ACTIVITY' }); // activity does not end the hold
    kiosk.seconds(3600);
    expect(kiosk.view()).toMatchObject({ screen: 'guide', idleWarning: null });
    kiosk.actor.send({ type: 'PRESENCE.RESUME' });
    kiosk.seconds(59);
    expect(kiosk.view().idleWarning).toBeNull();
    kiosk.seconds(1);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });

  it('still ends a held visit when the person finishes it', () => {
    const kiosk = startKiosk();
    toGuide(kiosk);
    kiosk.actor.send({ type: 'PRESENCE.HOLD' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(kiosk.view().screen).toBe('end');
  });
});

describe('a busy step', () => {
  /**
   * The session machine with one more step, test-only, made as a future busy step will be (a call, a
   * print job): tagged `busy`, `holdPresence` on entry, `resumePresence` on exit. Home's MEASURE.RETRY
   * enters it, MEASURE.DONE leaves it for home.
   */
  function withBusyStep() {
    const { config, implementations } = sessionMachine;
    const visit = config.states!.visit!;
    const steps = visit.states!.step!;
    const home = steps.states!.home!;
    const busyConfig = {
      ...config,
      states: { ...config.states, visit: { ...visit, states: { ...visit.states, step: { ...steps, states: {
        ...steps.states,
        home: { ...home, on: { ...home.on, 'MEASURE.RETRY': 'calling' } },
        calling: { tags: ['guide', 'busy'], entry: 'holdPresence', exit: 'resumePresence', on: { 'MEASURE.DONE': 'home' } },
      } } } } },
    } as typeof config;
    const machine = createMachine(busyConfig, implementations) as unknown as typeof sessionMachine;
    return startSimulatedKiosk(machine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}) } }), { idleTimeoutSecondsByScreen: { home: 20 } });
  }

  it('never times out, and counts its next step\'s timeout afresh once it ends', () => {
    const kiosk = withBusyStep();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.seconds(15);
    kiosk.actor.send({ type: 'MEASURE.RETRY' });
    expect(kiosk.actor.getSnapshot().hasTag('busy')).toBe(true);
    kiosk.seconds(7200);
    expect(kiosk.view()).toMatchObject({ screen: 'guide', idleWarning: null });
    kiosk.actor.send({ type: 'MEASURE.DONE' });
    kiosk.seconds(19);
    expect(kiosk.view()).toMatchObject({ screen: 'home', idleWarning: null });
    kiosk.seconds(1);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });
});
