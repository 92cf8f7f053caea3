import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { sessionMachine, type SessionSettings } from '../../../../main/session/machine';
import type { SiteToShow } from '../../../../main/shells/shell';
import { startSimulatedKiosk } from './simulated-kiosk';
import { PROCEDURES } from './procedures';

/** A kiosk offering PROCEDURES, its health insurance card leading to the passport; the sites it was asked to show. */
function startKiosk(overrides: Partial<SessionSettings> = {}) {
  const shown: SiteToShow[] = [];
  let left = 0;
  const machine = sessionMachine.provide({
    actors: { wipeSession: fromPromise<void>(async () => {}) },
    actions: { showSite: (_, site) => void shown.push(site), leaveSite: () => void left++ },
  });
  const kiosk = startSimulatedKiosk(machine, { procedures: PROCEDURES, cards: { 'health-insurance': 'passport' }, ...overrides });
  return { ...kiosk, shown, left: () => left };
}

type Kiosk = ReturnType<typeof startKiosk>;

function toHome(kiosk: Kiosk, language: 'fr' | 'en' = 'en') {
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
}

describe('the guided visit', () => {
  it('goes attract → language → consent → home → guide → site → guide → home', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    expect(kiosk.view()).toMatchObject({ screen: 'consent', language: 'en', catalog: null, procedure: null });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    expect(kiosk.view().screen).toBe('home');
    expect(kiosk.view().catalog?.groups.map((group) => group.group)).toEqual(['identity', 'taxes']);

    kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'passport' });
    expect(kiosk.view()).toMatchObject({ screen: 'guide', catalog: null, procedure: { id: 'passport', title: 'passport (en)' } });

    kiosk.actor.send({ type: 'PROCEDURE.START' });
    expect(kiosk.view()).toMatchObject({ screen: 'site', site: { origin: 'http://localhost:8008', unreachable: false }, procedure: { id: 'passport' } });
    expect(kiosk.shown).toEqual([{ url: 'http://localhost:8008/passport/start', language: 'en', allow: PROCEDURES[1]!.allow }]);

    // Borne's bar "back" (or the site's own history going back past its first page) returns to the guide.
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    expect(kiosk.view()).toMatchObject({ screen: 'guide', site: null, procedure: { id: 'passport' } });
    expect(kiosk.left()).toBe(1);

    kiosk.actor.send({ type: 'PROCEDURE.CLOSE' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', procedure: null });
    expect(kiosk.actor.getSnapshot().context.procedure).toBeNull();
  });

  it('opens only a procedure the kiosk offers', () => {
    const kiosk = startKiosk({ procedures: PROCEDURES.slice(0, 1) });
    toHome(kiosk);
    kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'passport' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', procedure: null });
    kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'income-tax' });
    expect(kiosk.view()).toMatchObject({ screen: 'guide', procedure: { id: 'income-tax' } });
  });

  it('takes procedure events only on their own screens', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'passport' }); // on the language screen
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'passport' }); // before consent
    expect(kiosk.view().screen).toBe('consent');
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.actor.send({ type: 'PROCEDURE.START' }); // on home: no procedure chosen
    expect(kiosk.view().screen).toBe('home');
    expect(kiosk.shown).toEqual([]);
  });

  it('comes back home from a profile\'s site tile, as before', () => {
    const kiosk = startKiosk();
    toHome(kiosk);
    kiosk.actor.send({ type: 'SITE.OPEN', url: 'https://www.service-public.fr/' });
    expect(kiosk.view()).toMatchObject({ screen: 'site', procedure: null });
    expect(kiosk.shown).toEqual([{ url: 'https://www.service-public.fr/', language: 'en', allow: [] }]);
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    expect(kiosk.view().screen).toBe('home');
  });

  it('ends the visit when the person declines the notice', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.DECLINE' });
    expect(kiosk.view().screen).toBe('end');
    kiosk.seconds(5);
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
  });

  it('finishes from a procedure\'s site, brings the kiosk page back, and forgets the procedure with the wipe', async () => {
    const kiosk = startKiosk();
    toHome(kiosk);
    kiosk.actor.send({ type: 'PROCEDURE.OPEN', id: 'id-card' });
    kiosk.actor.send({ type: 'PROCEDURE.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    expect(kiosk.view()).toMatchObject({ screen: 'end', procedure: null, site: null });
    expect(kiosk.left()).toBe(1);
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    expect(kiosk.view().screen).toBe('attract');
    expect(kiosk.actor.getSnapshot().context).toMatchObject({ procedure: null, satisfaction: null, site: null });
  });

  it('keeps the measurement steps from home', async () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'DEVICE.STATUS_CHANGED', kind: 'thermometer', status: { state: 'ready' } });
    toHome(kiosk);
    kiosk.actor.send({ type: 'MEASURE.START', kind: 'thermometer' });
    expect(kiosk.view().screen).toBe('measure');
    kiosk.actor.send({ type: 'MEASURE.CANCEL' });
    expect(kiosk.view().screen).toBe('home');
  });
});

describe('the satisfaction question', () => {
  it('takes one answer, shows it, and gives the person the end screen\'s time again to read the thanks', async () => {
    const kiosk = startKiosk();
    toHome(kiosk);
    kiosk.actor.send({ type: 'SATISFACTION.RATE', rating: 'bad' }); // not on the end screen
    expect(kiosk.view().satisfaction).toBeNull();
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.seconds(4);
    kiosk.actor.send({ type: 'SATISFACTION.RATE', rating: 'good' });
    expect(kiosk.view()).toMatchObject({ screen: 'end', satisfaction: 'good' });
    kiosk.actor.send({ type: 'SATISFACTION.RATE', rating: 'bad' }); // once only
    expect(kiosk.view().satisfaction).toBe('good');
    kiosk.seconds(4);
    expect(kiosk.view().screen).toBe('end');
    kiosk.seconds(1);
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'attract', satisfaction: null });
  });
});

describe('a card read', () => {
  it('starts a visit from the attract screen and opens its procedure\'s guide after the notice', () => {
    const kiosk = startKiosk();
    kiosk.actor.send({ type: 'CARD.READ', card: 'health-insurance' });
    expect(kiosk.view().screen).toBe('language');
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    expect(kiosk.view()).toMatchObject({ screen: 'guide', procedure: { id: 'passport', title: 'passport (fr)' } });
    kiosk.actor.send({ type: 'PROCEDURE.CLOSE' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', procedure: null });
  });

  it('opens its procedure\'s guide from home, and nowhere else', () => {
    const kiosk = startKiosk();
    toHome(kiosk);
    kiosk.actor.send({ type: 'CARD.READ', card: 'health-insurance' });
    expect(kiosk.view()).toMatchObject({ screen: 'guide', procedure: { id: 'passport' } });
    kiosk.actor.send({ type: 'PROCEDURE.START' });
    kiosk.actor.send({ type: 'CARD.READ', card: 'health-insurance' }); // on the site: nothing changes
    expect(kiosk.view().screen).toBe('site');
  });

  it('does nothing for a card the profile maps to no offered procedure', () => {
    const kiosk = startKiosk({ cards: { 'health-insurance': 'passport', identity: 'driving-licence' } });
    kiosk.actor.send({ type: 'CARD.READ', card: 'identity' });
    expect(kiosk.view().screen).toBe('attract');
    toHome(kiosk);
    kiosk.actor.send({ type: 'CARD.READ', card: 'identity' });
    expect(kiosk.view().screen).toBe('home');
  });
});
