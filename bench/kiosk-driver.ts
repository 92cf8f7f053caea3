// Drives visits on a real kiosk host the way its renderer does: events over the bridge socket, with the
// page's launch token, answering whatever screen the snapshot shows. Steps it does not know (a consent,
// a guide) are answered by their event when the contract has one, so the driver survives a longer visit.
import { chromium, type Browser, type Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { removeProfile, startKiosk, writeProfile, type KioskProcess } from '../tests/support/kiosk-process';
import { startStandInSites } from '../tests/support/stand-in-sites';

export interface VisitTimes {
  /** From "end" tapped (VISIT.FINISH, the end screen dismissed at once) to attract painted again. */
  endToAttractMs: number;
  /** From the attract tap to attract painted again. */
  wholeVisitMs: number;
  /** What the site read back from an earlier visit before writing its own (`/remember`: `||` when nothing); null when it did not load. */
  siteFoundBefore: string | null;
  /** The wipe failed at least once (out of service) before attract came back. */
  wipeFailed: boolean;
}

export interface KioskDriver {
  /** The kiosk's one page over the test endpoint, for looks at the renderer (heap, DOM). */
  readonly page: Page;
  /**
   * After a visit that threw (the kiosk page's renderer crashed under it): connects to the page again and
   * waits for attract, which the host brings back once it has wiped the broken visit.
   */
  reconnect(): Promise<void>;
  /** Attract → French → the site's page (which writes storage) → back home → end → attract. */
  visit(siteUrl: string): Promise<VisitTimes>;
  close(): Promise<void>;
}

const SnapshotScreen = (data: WebSocket.RawData): string | null => {
  const message = JSON.parse(String(data)) as { type?: string; snapshot?: { screen?: string } };
  return message.type === 'snapshot' ? message.snapshot?.screen ?? null : null;
};

/** Answers the first snapshot of one of `screens` (the latest one counts if it is already there). */
function screenOneOf(socket: WebSocket, latest: () => string | null, screens: readonly string[], timeoutMs = 30_000): Promise<string> {
  const now = latest();
  if (now && screens.includes(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', listen);
      reject(new Error(`no ${screens.join(' or ')} screen within ${timeoutMs} ms (last: ${latest()})`));
    }, timeoutMs);
    const listen = (data: WebSocket.RawData) => {
      const screen = SnapshotScreen(data);
      if (screen && screens.includes(screen)) {
        clearTimeout(timer);
        socket.off('message', listen);
        resolve(screen);
      }
    };
    socket.on('message', listen);
  });
}

/** Resolves in the page once it shows attract and has painted it (two animation frames). */
const ATTRACT_PAINTED = `new Promise((painted) => {
  const look = () => document.querySelector('[data-screen="attract"]') ? requestAnimationFrame(() => requestAnimationFrame(painted)) : requestAnimationFrame(look);
  look();
})`;

/**
 * What the site's page wrote in its `#before` once loaded. Asked by evaluation every 50 ms rather than
 * with waitForFunction, which can hang across the tab's navigations (a 204-cancelled one among them).
 */
async function siteRead(page: Page, pathname: string, timeoutMs = 10_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const read = await page.evaluate((p) => (location.pathname === p && document.readyState === 'complete'
      ? document.getElementById('before')?.textContent ?? null : null), pathname).catch(() => null);
    if (read !== null) return read;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the site's ${pathname} did not load within ${timeoutMs} ms (the tab shows ${page.url()})`);
}

async function connect(kiosk: KioskProcess): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
  return { browser, page: browser.contexts()[0]!.pages()[0]! };
}

export async function driveKiosk(kiosk: KioskProcess): Promise<KioskDriver> {
  let { browser, page } = await connect(kiosk);
  const { token, origin } = await page.evaluate(() => ({ token: (window as unknown as { borneLaunchToken: string }).borneLaunchToken, origin: location.origin }));
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/bridge?token=${encodeURIComponent(token)}`, { origin });
  // Listening before the socket opens: the hub's first snapshot can come in the same read as the handshake.
  let latest: string | null = null;
  socket.on('message', (data) => (latest = SnapshotScreen(data) ?? latest));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const send = (event: object) => socket.send(JSON.stringify(event));
  const reach = (...screens: string[]) => screenOneOf(socket, () => latest, screens);
  // The snapshot can come before the kiosk page has finished coming back from the site: asked again then.
  const attractPainted = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await page.evaluate(ATTRACT_PAINTED);
      } catch (error) {
        if (attempt === 50 || !String(error).includes('Execution context was destroyed')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };

  const visit = async (siteUrl: string): Promise<VisitTimes> => {
    await reach('attract');
    await attractPainted();
    const started = performance.now();
    send({ type: 'SESSION.START' });
    // Whatever comes between the touch and home, answered as a person who wants the site would.
    for (let screen = await reach('language', 'consent', 'home'); screen !== 'home'; screen = await reach('language', 'consent', 'home')) {
      if (screen === 'language') send({ type: 'LANGUAGE.CHOOSE', language: 'fr' });
      if (screen === 'consent') send({ type: 'CONSENT.ACCEPT' });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    send({ type: 'SITE.OPEN', url: siteUrl });
    await reach('site');
    const path = new URL(siteUrl).pathname;
    const siteFoundBefore = await siteRead(page, path).catch(() => null);
    send({ type: 'SITE.CLOSE' });
    await reach('home');
    const ended = performance.now();
    send({ type: 'VISIT.FINISH' });
    await reach('end');
    send({ type: 'END.DISMISS' });
    const after = await reach('attract', 'out-of-service');
    const wipeFailed = after === 'out-of-service';
    if (wipeFailed) await screenOneOf(socket, () => latest, ['attract'], 120_000);
    await attractPainted();
    const painted = performance.now();
    return { endToAttractMs: painted - ended, wholeVisitMs: painted - started, siteFoundBefore, wipeFailed };
  };

  return {
    get page() {
      return page;
    },
    visit,
    reconnect: async () => {
      await browser.close().catch(() => {});
      ({ browser, page } = await connect(kiosk));
      await screenOneOf(socket, () => latest, ['attract'], 120_000);
    },
    close: async () => {
      socket.close();
      await browser.close(); // disconnects only
    },
  };
}

export interface SiteKiosk {
  kiosk: KioskProcess;
  driver: KioskDriver;
  /** The stand-in site's page a visit opens: it reads back what an earlier visit left, then writes storage and a cookie. */
  siteUrl: string;
  stop(): Promise<void>;
}

/** A real kiosk host (Chromium shell) with a loopback stand-in site on its list, and a driver on it. */
export async function startSiteKiosk(id: string): Promise<SiteKiosk> {
  const sites = await startStandInSites();
  const profile = writeProfile({
    kiosk: { id, name: `${id} bench`, purpose: 'test' },
    languages: { offered: ['fr', 'en'], default: 'fr' },
    session: { idleTimeoutSeconds: 300, idleWarningSeconds: 10, endScreenSeconds: 2, wipeRetrySeconds: 2 },
    // A bench counts the crashes itself: the watchdog never gives up on the kiosk here.
    watchdog: { maxFailures: 100, failureWindowSeconds: 10 },
    shell: { allowTestAutomation: true },
    lockdown: { allow: [{ origin: sites.allowed, label: { fr: 'Site de test', en: 'Test site' } }] },
  });
  const kiosk = await startKiosk(profile);
  const driver = await driveKiosk(kiosk);
  return {
    kiosk,
    driver,
    siteUrl: `${sites.allowed}/remember`,
    stop: async () => {
      await driver.close();
      await kiosk.stop();
      removeProfile(profile);
      await sites.close();
    },
  };
}
