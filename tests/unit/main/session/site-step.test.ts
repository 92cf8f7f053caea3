import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { sessionMachine } from '../../../../main/session/machine';
import { siteOpeningRule, siteSignalsTo } from '../../../../main/session/site-wiring';
import type { KioskShell, SiteToShow } from '../../../../main/shells/shell';
import { startSimulatedKiosk, startWipingKiosk } from './simulated-kiosk';

const START = 'https://www.service-public.fr/particuliers/vosdroits/F1234?dossier=42';

/** A kiosk on its home screen, whose shell records what the machine asks it to show. */
function kioskAtHome(machine = sessionMachine) {
  const shell: Array<SiteToShow | 'kiosk page'> = [];
  const recording = machine.provide({
    actors: { wipeSession: fromPromise<void>(async () => {}) },
    actions: { showSite: (_, site) => void shell.push(site), leaveSite: () => void shell.push('kiosk page') },
  });
  const kiosk = startSimulatedKiosk(recording, { idleTimeoutSeconds: 60, idleWarningSeconds: 10 });
  kiosk.actor.send({ type: 'SESSION.START' });
  kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
  kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
  return { ...kiosk, shell };
}

describe('a site during a visit', () => {
  it('opens from home: the shell shows it in the visit\'s language, views see its origin and nothing else of the address', () => {
    const kiosk = kioskAtHome();
    kiosk.actor.send({ type: 'SITE.OPEN', url: START });
    expect(kiosk.shell).toEqual([{ url: START, language: 'en', display: { textSize: 100, contrast: 'standard' }, allow: [] }]);
    expect(kiosk.view()).toMatchObject({ screen: 'site', site: { origin: 'https://www.service-public.fr', unreachable: false } });
    expect(JSON.stringify(kiosk.view())).not.toContain('dossier');
  });

  it('closes back to home, and the shell brings the kiosk page back', () => {
    const kiosk = kioskAtHome();
    kiosk.actor.send({ type: 'SITE.OPEN', url: START });
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    expect(kiosk.view()).toMatchObject({ screen: 'home', site: null });
    expect(kiosk.shell.at(-1)).toBe('kiosk page');
  });

  it('says when the site cannot be reached, and stays in the step until the person goes back', () => {
    const kiosk = kioskAtHome();
    kiosk.actor.send({ type: 'SITE.OPEN', url: START });
    kiosk.actor.send({ type: 'SITE.UNREACHABLE' });
    expect(kiosk.view()).toMatchObject({ screen: 'site', site: { unreachable: true } });
    kiosk.actor.send({ type: 'SITE.CLOSE' });
    expect(kiosk.view().screen).toBe('home');
  });

  it.each([
    ['the person finishes the visit', { type: 'VISIT.FINISH' }, 'end'],
    ['the watchdog recovered the page', { type: 'WATCHDOG.RECOVERED' }, 'wipe'],
    ['the watchdog gave up', { type: 'WATCHDOG.GAVE_UP' }, 'wipe'],
  ] as const)('brings the kiosk page back when %s', (_, event, screen) => {
    const kiosk = kioskAtHome();
    kiosk.actor.send({ type: 'SITE.OPEN', url: START });
    kiosk.actor.send(event);
    expect(kiosk.view().screen).toBe(screen);
    expect(kiosk.shell.at(-1)).toBe('kiosk page');
  });

  it('brings the kiosk page back when the visit ends for inactivity, and activity on the site keeps it going', () => {
    const kiosk = kioskAtHome();
    kiosk.actor.send({ type: 'SITE.OPEN', url: START });
    kiosk.seconds(50);
    kiosk.actor.send({ type: 'USER.ACTIVITY' });
    kiosk.seconds(50);
    expect(kiosk.view().screen).toBe('site');
    kiosk.seconds(22); // 72 s since the activity: 60 s idle, the 10 s countdown; the end screen stays 5 s
    expect(kiosk.view().screen).toBe('end');
    expect(kiosk.shell.at(-1)).toBe('kiosk page');
  });

  it('opens only from home: not during a measurement, not between visits', () => {
    const kiosk = kioskAtHome();
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'SITE.OPEN', url: START });
    expect(kiosk.view().screen).toBe('end');
    expect(kiosk.shell).toEqual([]);
  });

  it('is forgotten with the visit, and the wipe proves it', async () => {
    const kiosk = startWipingKiosk();
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    kiosk.actor.send({ type: 'SITE.OPEN', url: START });
    kiosk.actor.send({ type: 'SITE.UNREACHABLE' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });
    await kiosk.settle();
    expect(kiosk.view()).toMatchObject({ screen: 'attract', site: null });
    expect(kiosk.actor.getSnapshot().context.site).toBeNull();
    expect(kiosk.failure()).toBeNull();
  });
});

describe("the host's wiring of sites", () => {
  it('turns what the bar and the shell report into session events, activity once a second at most', () => {
    const sent: string[] = [];
    let now = 0;
    const signal = siteSignalsTo((event) => sent.push(event.type), undefined, () => now);
    for (const s of ['back', 'left', 'end', 'unreachable', 'activity', 'activity'] as const) signal(s);
    now = 1_000;
    signal('activity');
    expect(sent).toEqual(['SITE.CLOSE', 'SITE.CLOSE', 'VISIT.FINISH', 'SITE.UNREACHABLE', 'USER.ACTIVITY', 'USER.ACTIVITY']);
  });

  it("asks the hand's rule about the bar's buttons only: what the shell reports has happened already", () => {
    const sent: string[] = [];
    const asked: string[] = [];
    const agentHasTheHand = (event: { type: string }) => {
      asked.push(event.type);
      return event.type === 'HAND.RECLAIM';
    };
    const signal = siteSignalsTo((event) => sent.push(event.type), agentHasTheHand);
    for (const s of ['back', 'end', 'help', 'reclaim', 'left', 'unreachable', 'activity'] as const) signal(s);
    expect(asked).toEqual(['SITE.CLOSE', 'VISIT.FINISH', 'HELP.ASK', 'HAND.RECLAIM']);
    expect(sent).toEqual(['HAND.RECLAIM', 'SITE.CLOSE', 'SITE.UNREACHABLE', 'USER.ACTIVITY']);
  });

  it('lets SITE.OPEN through for a page on the list, and with a shell that shows sites only', () => {
    const lockdown = { allow: [{ origin: 'https://www.service-public.fr', pathPrefix: '/' }], mediaOrigins: [] };
    const chromium = { name: 'chromium', showSite: async () => {} } as unknown as KioskShell;
    const bare = { name: 'electron' } as unknown as KioskShell;
    expect(siteOpeningRule(lockdown, chromium)(START)).toEqual({ allow: true });
    expect(siteOpeningRule(lockdown, chromium)('https://evil.example/')).toMatchObject({ allow: false });
    expect(siteOpeningRule(lockdown, bare)(START)).toEqual({ allow: false, reason: 'the electron shell shows no sites' });
  });
});
