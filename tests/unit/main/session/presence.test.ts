import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
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

describe('a video call, the busy step', () => {
  const CALL = 'https://visio.caf.example/salle';
  const SITE = 'https://www.service-public.fr/';
  function startWithCall() {
    const machine = sessionMachine.provide({ actors: { wipeSession: fromPromise<void>(async () => {}) } });
    return startSimulatedKiosk(machine, {
      idleTimeoutSecondsByScreen: { home: 20, site: 300 },
      siteTiles: [{ label: { fr: 'Rendez-vous CAF' }, url: CALL, call: 'appointment' }, { label: { fr: 'Service Public' }, url: SITE, call: null }],
    });
  }
  function toHome(kiosk: ReturnType<typeof startWithCall>) {
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  }

  it('never times out while its site shows, and counts home\'s timeout afresh once the person leaves it', () => {
    const kiosk = startWithCall();
    toHome(kiosk);
    kiosk.seconds(15);
    kiosk.actor.send({ type: 'SITE.OPEN', url: CALL });
    expect(kiosk.actor.getSnapshot().hasTag('busy')).toBe(true);
    expect(kiosk.view().site).toEqual({ origin: 'https://visio.caf.example', unreachable: false, call: 'appointment' });
    kiosk.seconds(7200);
    expect(kiosk.view()).toMatchObject({ screen: 'site', idleWarning: null });
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    expect(kiosk.actor.getSnapshot().hasTag('busy')).toBe(false);
    kiosk.seconds(19);
    expect(kiosk.view()).toMatchObject({ screen: 'home', idleWarning: null });
    kiosk.seconds(1);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });

  it('is the call tile\'s page only: another site times out as sites do', () => {
    const kiosk = startWithCall();
    toHome(kiosk);
    kiosk.actor.send({ type: 'SITE.OPEN', url: SITE });
    expect(kiosk.actor.getSnapshot().hasTag('busy')).toBe(false);
    expect(kiosk.view().site).toMatchObject({ call: null });
    kiosk.seconds(300);
    expect(kiosk.view().idleWarning).toEqual({ secondsLeft: 10 });
  });

  it('still ends when the person finishes the visit from the bar', () => {
    const kiosk = startWithCall();
    toHome(kiosk);
    kiosk.actor.send({ type: 'SITE.OPEN', url: CALL });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(kiosk.view().screen).toBe('end');
  });
});
