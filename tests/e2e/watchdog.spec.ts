/// <reference lib="dom" />
import { chromium, type Page } from '@playwright/test';
import type { KioskProcess } from '../support/kiosk-process';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, test } from './fixtures';

type Line = Record<string, unknown>;

/** Log lines printed from index `from` on that match. */
const since = (kiosk: KioskProcess, from: number, match: (l: Line) => boolean) =>
  (l: Line) => kiosk.lines.indexOf(l) >= from && match(l);

/** The kiosk's page, through a fresh CDP connection: a page object that saw its renderer die is spent. */
async function withKioskPage<T>(kiosk: KioskProcess, use: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
  try {
    const page = browser.contexts()[0]?.pages()[0];
    if (!page) throw new Error('the kiosk has no page');
    return await use(page);
  } finally {
    await browser.close(); // disconnects only; the kiosk's Chromium stays the host's
  }
}

/** Kills the page's renderer process, as an out-of-memory kill or a renderer bug would. */
async function crashRenderer(kiosk: KioskProcess): Promise<void> {
  const from = kiosk.lines.length;
  await withKioskPage(kiosk, async (page) => {
    const devtools = await page.context().newCDPSession(page);
    // The renderer dies before it can answer, and a page left crashed may never answer at all.
    void devtools.send('Page.crash').catch(() => {});
    await kiosk.waitForLog(since(kiosk, from, (l) => l.msg === 'the kiosk page renderer crashed'));
  });
}

/** A visit on the home screen, once the host has heard that the page painted it. */
async function startVisit(page: Page, kiosk: KioskProcess): Promise<void> {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'English' }).click();
  await acceptNotice(page);
  await expect(onScreen(page, 'home')).toBeVisible();
  await kiosk.waitForLog((l) => l.msg === 'view painted' && l.screen === 'home');
}

const paintedScreens = (kiosk: KioskProcess, from: number) =>
  kiosk.lines.slice(from).filter((l) => l.msg === 'view painted').map((l) => l.screen);

test('a renderer crash in the middle of a visit ends it: wiped, and attract again, never the half visit', async ({ kioskPage, kiosk }) => {
  await startVisit(kioskPage, kiosk);
  const crashedAt = kiosk.lines.length;
  await crashRenderer(kiosk);

  await kiosk.waitForLog(since(kiosk, crashedAt, (l) => l.msg === 'the kiosk page failed: reloading it and ending any visit' && l.failure === 'crashed'));
  await kiosk.waitForLog(since(kiosk, crashedAt, (l) => l.msg === 'visit wiped and verified'));
  await kiosk.waitForLog(since(kiosk, crashedAt, (l) => l.msg === 'view painted' && l.screen === 'attract'));
  await withKioskPage(kiosk, async (page) => {
    await expect(onScreen(page, 'attract')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
  // The fresh page drew the wipe or attract, never the visit it came back from.
  expect(paintedScreens(kiosk, crashedAt).every((screen) => screen === 'wipe' || screen === 'attract')).toBe(true);
});

test('the browser killed in the middle of a visit: relaunched on attract, the visit wiped, never resumed', async ({ kioskPage, kiosk }) => {
  await startVisit(kioskPage, kiosk);
  const killedAt = kiosk.lines.length;
  const { browserPid } = kiosk.lines.findLast((l) => l.msg === 'chromium launched')!;
  process.kill(browserPid as number, 'SIGKILL');

  await kiosk.waitForLog(since(kiosk, killedAt, (l) => l.msg === 'chromium exited unexpectedly'));
  await kiosk.waitForLog(since(kiosk, killedAt, (l) => l.msg === 'the kiosk page failed: reloading it and ending any visit'));
  const relaunched = await kiosk.waitForLog(since(kiosk, killedAt, (l) => l.msg === 'chromium launched'));
  expect(relaunched.browserPid).not.toBe(browserPid);
  await kiosk.waitForLog(since(kiosk, killedAt, (l) => l.msg === 'visit wiped and verified'));
  await kiosk.waitForLog(since(kiosk, killedAt, (l) => l.msg === 'view painted' && l.screen === 'attract'));
  // The new browser has a test endpoint of its own.
  const endpoint = await kiosk.waitForLog(since(kiosk, killedAt, (l) => typeof l.cdpEndpoint === 'string'));
  await withKioskPage({ ...kiosk, cdpEndpoint: endpoint.cdpEndpoint as string }, async (page) => {
    await expect(onScreen(page, 'attract')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
  expect(paintedScreens(kiosk, killedAt).every((screen) => screen === 'wipe' || screen === 'attract')).toBe(true);
});

// The hang test's kiosk declares a page hung after 5 s without a heartbeat (15 s by default).
const withShortHangTimeout = test.extend({
  kioskProfile: async ({}, use) => {
    const profile = writeProfile({
      kiosk: { id: 'e2e-watchdog', name: 'Watchdog test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      // Long enough that the idle warning never ends the visit on its own during the test.
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      watchdog: { hangTimeoutSeconds: 5 },
      shell: { allowTestAutomation: true },
    });
    await use(profile);
    removeProfile(profile);
  },
});

withShortHangTimeout('a page hung in the middle of a visit is reloaded after the heartbeat timeout, and the visit wiped', async ({ kioskPage, kiosk }) => {
  await startVisit(kioskPage, kiosk);
  const hungAt = kiosk.lines.length;
  const startedHanging = Date.now();
  // Never settles: the page's main thread loops until its renderer is ended.
  void kioskPage.evaluate(() => { for (;;); }).catch(() => {});

  const failed = await kiosk.waitForLog(since(kiosk, hungAt, (l) => l.msg === 'the kiosk page failed: reloading it and ending any visit'));
  expect(failed.failure).toBe('hung');
  expect(Date.now() - startedHanging).toBeGreaterThanOrEqual(4_000); // not before the timeout (heartbeats every 2 s)
  await kiosk.waitForLog(since(kiosk, hungAt, (l) => l.msg === 'kiosk page reloaded after it hung'));
  await kiosk.waitForLog(since(kiosk, hungAt, (l) => l.msg === 'visit wiped and verified'));
  await kiosk.waitForLog(since(kiosk, hungAt, (l) => l.msg === 'view painted' && l.screen === 'attract'));
  await withKioskPage(kiosk, (page) => expect(onScreen(page, 'attract')).toBeVisible());
  expect(kiosk.lines.some((l) => l.msg === 'chromium exited unexpectedly')).toBe(false);
  expect(paintedScreens(kiosk, hungAt).every((screen) => screen === 'wipe' || screen === 'attract')).toBe(true);
});

test('three crashes within two minutes: out of service, logged as an error, and no more reloads', async ({ kiosk }) => {
  test.setTimeout(60_000);
  const reloads = () => kiosk.lines.filter((l) => l.msg === 'kiosk page reloaded after its renderer crashed').length;
  for (let crash = 1; crash <= 3; crash++) {
    await crashRenderer(kiosk);
    await expect.poll(reloads, { timeout: 20_000 }).toBe(crash);
  }
  const gaveUp = await kiosk.waitForLog((l) => l.msg === 'the kiosk page keeps failing: out of service until the kiosk is restarted');
  expect(gaveUp).toMatchObject({ level: 50, recentFailures: 3 });
  await kiosk.waitForLog((l) => l.msg === 'view painted' && l.screen === 'out-of-service');
  await withKioskPage(kiosk, async (page) => {
    await expect(onScreen(page, 'out-of-service')).toBeVisible();
    await onScreen(page, 'out-of-service').click(); // a touch starts nothing
    await expect(onScreen(page, 'out-of-service')).toBeVisible();
  });

  const fourthAt = kiosk.lines.length;
  await crashRenderer(kiosk);
  await kiosk.waitForLog(since(kiosk, fourthAt, (l) => l.msg === 'the crashed kiosk page is left as it is (the watchdog gave up on it)'));
  expect(reloads()).toBe(3);
});
