// Drives visits on a real kiosk host the way its renderer does: events over the bridge socket, with the
// page's launch token, answering whatever screen the snapshot shows. Steps it does not know (a consent,
// a guide) are answered by their event when the contract has one, so the driver survives a longer visit.
import { chromium, type Browser, type Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { removeProfile, startKiosk, writeProfile, type KioskProcess } from '../tests/support/kiosk-process';
import { startStandInSites } from '../tests/support/stand-in-sites';
import { openBridgeSocket, startVisitToHome } from './bridge-socket';

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
  const bridge = await openBridgeSocket(page);
  const send = bridge.send;
  const reach = async (...screens: string[]) => (await bridge.until(`${screens.join(' or ')} screen`, (s) => screens.includes(s.screen))).screen;
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
    await startVisitToHome(bridge);
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
    if (wipeFailed) await bridge.until('attract screen', (s) => s.screen === 'attract', 120_000);
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
      await bridge.until('attract screen', (s) => s.screen === 'attract', 120_000);
    },
    close: async () => {
      bridge.close();
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
