/// <reference lib="dom" />
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, rmSync, watch } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { removeProfile, startKiosk, writeProfile, type KioskProcess } from '../support/kiosk-process';
import { startStandInSites, type StandInSites } from '../support/stand-in-sites';
import { acceptNotice, onScreen } from './fixtures';

const SHOTS = '/tmp/shots-wipe-bench';
type Line = KioskProcess['lines'][number];

/** What the stand-in's `/keep` reads back when no earlier visit left anything, HTTP login included. */
const NOTHING_KEPT = 'cookie=false|localStorage=false|sessionStorage=false|indexedDB=false|caches=false|serviceWorker=false|httpAuth=false';

/**
 * The wipe seen from a site: a visit fills every store a browser keeps for a site, logs in with HTTP
 * authentication, types into a form and downloads a file; the wipe's probe then proves nothing is left,
 * and the next visit, on the same site, finds nothing of the first one.
 */
let sites: StandInSites;
let profile: string;
let kiosk: KioskProcess;
let browser: Browser | null = null;

test.beforeEach(async () => {
  sites = await startStandInSites();
  profile = writeProfile({
    kiosk: { id: 'e2e-wipe', name: 'Wipe test', purpose: 'test' },
    languages: { offered: ['fr', 'en'], default: 'fr' },
    session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
    shell: { allowTestAutomation: true },
    lockdown: { allow: [{ origin: sites.allowed, label: { fr: 'Site de test', en: 'Test site' } }] },
  });
  kiosk = await startKiosk(profile);
});

test.afterEach(async () => {
  await browser?.close();
  browser = null;
  const code = await kiosk.stop();
  removeProfile(profile);
  await sites.close();
  expect(code).toBe(0);
});

/** The kiosk's one page, through the browser's test endpoint: the latest one, since a wipe may relaunch it. */
async function kioskPage(): Promise<Page> {
  await browser?.close();
  const endpoints = kiosk.lines.filter((l) => typeof l.cdpEndpoint === 'string');
  browser = await chromium.connectOverCDP(endpoints.at(-1)!.cdpEndpoint as string);
  const page = browser.contexts()[0]?.pages()[0];
  if (!page) throw new Error('the kiosk has no page');
  return page;
}

/** Attract, French, the site's tile, then the given page of the site (as a link on it would). */
async function openOnSite(page: Page, pathname: string): Promise<void> {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(page);
  await page.getByRole('button', { name: /Site de test/ }).click();
  await expect.poll(() => page.url()).toBe(`${sites.allowed}/`);
  await goOnSite(page, pathname);
}

async function goOnSite(page: Page, pathname: string): Promise<void> {
  await page.evaluate((to) => void setTimeout(() => { location.href = to; }, 0), pathname);
  await page.waitForURL(`${sites.allowed}${pathname}`);
}

/** Visits `/keep`: what an earlier visit left, then every store filled and the HTTP login made. */
async function keepEverything(page: Page): Promise<string> {
  await goOnSite(page, '/keep');
  await expect.poll(() => page.evaluate(() => document.body.dataset.kept ?? null)).toBe('true');
  return page.evaluate(() => document.getElementById('kept')!.textContent!);
}

/** Visits `/form`: what the browser put in its fields before anyone typed, then a name and a tax number typed and sent. */
async function fillForm(page: Page): Promise<string> {
  await goOnSite(page, '/form');
  await expect.poll(() => page.evaluate(() => document.body.dataset.ready ?? null)).toBe('true');
  const prefilled = await page.evaluate(() => document.getElementById('prefilled')!.textContent!);
  await page.evaluate(() => document.getElementById('name')!.focus());
  await page.keyboard.type('Camille Martin');
  await page.evaluate(() => document.getElementById('tax')!.focus());
  await page.keyboard.type('3012345678901');
  await page.evaluate(() => void setTimeout(() => (document.getElementById('form') as HTMLFormElement).requestSubmit(), 0));
  await page.waitForURL(`${sites.allowed}/form-sent`);
  return prefilled;
}

/** Ends the visit with the bar's "Terminer" and waits for the wipe's verdict; answers its log line. */
async function endVisit(page: Page): Promise<Line> {
  const from = kiosk.lines.length;
  const after = (l: Line) => kiosk.lines.indexOf(l) >= from;
  // The bar is drawn once the page has loaded: the touch waits for it, as a person's eyes would.
  await expect.poll(() => page.evaluate(() => document.elementFromPoint(innerWidth / 2, 30)?.hasAttribute('popover') ?? false)).toBe(true);
  await page.mouse.click(1800, 36); // Terminer
  return kiosk.waitForLog((l) => after(l) && (l.msg === 'visit wiped and verified' || l.msg === 'wipe failed: the kiosk stays out of service'), 30_000);
}

const launchDir = () => kiosk.lines.filter((l) => l.msg === 'chromium launched').at(-1)!.launchDir as string;
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

test('a visit that filled every store, logged in, typed a form and downloaded leaves nothing: the probe proves it, and the next visit finds nothing', async () => {
  // Chromium may open a file in the kiosk user's ~/Downloads and delete it a moment later: a look
  // at the folder would miss it, a watch on it does not.
  const homeDownloads = path.join(homedir(), 'Downloads');
  const madeHomeDownloads = !existsSync(homeDownloads);
  if (madeHomeDownloads) mkdirSync(homeDownloads);
  const touchedAtHome: string[] = [];
  const homeWatch = watch(homeDownloads, (_event, name) => touchedAtHome.push(name ?? '?'));
  try {
    await visitTwiceWatchingHome();
  } finally {
    homeWatch.close();
    if (madeHomeDownloads) rmSync(homeDownloads, { recursive: true, force: true });
  }
  expect(touchedAtHome).toEqual([]);
});

/** The test above, watched from the kiosk user's ~/Downloads. */
async function visitTwiceWatchingHome(): Promise<void> {
  let page = await kioskPage();
  await openOnSite(page, '/second');

  expect(await keepEverything(page)).toBe(NOTHING_KEPT);
  expect(await fillForm(page)).toBe('|');
  await goOnSite(page, '/receipt');
  await page.evaluate(() => document.getElementById('receipt')!.click());
  // Refused: nothing in the launch's download folder, nothing in the kiosk user's.
  expect((await kiosk.waitForLog((l) => l.msg === 'download refused')).origin).toBe(sites.allowed);
  // Chromium opens its temporary file there before the refusal and deletes it on its own file thread.
  await expect.poll(() => filesIn(path.join(launchDir(), 'downloads'))).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/site-before-end.png` });

  const firstLaunch = launchDir();
  const wiped = await endVisit(page);

  expect(wiped.msg).toBe('visit wiped and verified');
  // The HTTP login is forgotten the only way Chromium forgets it: a fresh browser on a fresh profile.
  expect(wiped.cleared).toEqual(expect.arrayContaining(['http authentication', 'cookies', 'site data', 'http cache', 'session storage', 'clipboard', 'downloads']));
  expect(launchDir()).not.toBe(firstLaunch);
  expect(existsSync(firstLaunch)).toBe(false);
  page = await kioskPage();
  await expect(onScreen(page, 'attract')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/attract-after-wipe.png` });

  // The next visit, on the same site: no store, no login, no typed value comes back.
  await openOnSite(page, '/second');
  expect(await keepEverything(page)).toBe(NOTHING_KEPT);
  expect(await fillForm(page)).toBe('|');
  expect((await endVisit(page)).msg).toBe('visit wiped and verified');
  expect(kiosk.lines.filter((l) => l.msg === 'wipe failed: the kiosk stays out of service')).toEqual([]);
}

test('a visit that met no HTTP authentication is wiped in place: the browser is not relaunched', async () => {
  const page = await kioskPage();
  await openOnSite(page, '/keep?without-login');
  await expect.poll(() => page.evaluate(() => document.body.dataset.kept ?? null)).toBe('true');
  const launch = launchDir();

  const wiped = await endVisit(page);

  expect(wiped.msg).toBe('visit wiped and verified');
  expect(wiped.cleared).not.toContain('http authentication');
  expect(launchDir()).toBe(launch);
  await expect(onScreen(page, 'attract')).toBeVisible();
});
