import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BridgeHub } from '../../../main/bridge/hub';
import { wipeChromiumBrowsingData } from '../../../main/shells/chromium/browsing-wipe';
import type { CdpPipe } from '../../../main/shells/chromium/cdp-pipe';
import { ChromiumShell } from '../../../main/shells/chromium/chromium-shell';
import type { KioskPage } from '../../../main/shells/chromium/kiosk-page';
import { captureLog } from '../../support/capture-log';
import { startStandInSites, type StandInSites } from '../../support/stand-in-sites';
import { startWipingKiosk } from '../../unit/main/session/simulated-kiosk';

// Real Chromium under a display: `xvfb-run -a npx vitest run --project integration tests/integration/shells/browsing-wipe.test.ts`.
const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-renderer');
const poll = { timeout: 15_000, interval: 100 };
const EvaluatedSchema = z.object({ result: z.object({ value: z.unknown() }) });

let sites: StandInSites;
let shell: ChromiumShell;
let profileParentDir: string;
/** How many times the kiosk page said it painted: it fills its own stores first (test-renderer/app.js). */
let painted = 0;

beforeEach(async () => {
  sites = await startStandInSites();
  profileParentDir = await mkdtemp(path.join(tmpdir(), 'borne-wipe-test-'));
  const { log } = captureLog();
  painted = 0;
  shell = new ChromiumShell({ profileParentDir });
  await shell.start({ hub: new BridgeHub((event) => void (event.type === 'VIEW.PAINTED' && painted++), log), rendererDir, log, lockdown: { allow: [{ origin: sites.allowed, pathPrefix: '/' }], mediaOrigins: [] } });
});

afterEach(async () => {
  await shell.stop();
  await sites.close();
  await rm(profileParentDir, { recursive: true, force: true });
});

/** The running browser's DevTools pipe and kiosk page: the only way in, since this kiosk opens no DevTools port. */
function shellPipe(): { cdp: CdpPipe; page: KioskPage } {
  const { current } = shell as unknown as { current: { browser: { cdp: CdpPipe }; page: KioskPage } };
  return { cdp: current.browser.cdp, page: current.page };
}

/** The running launch's download folder. */
function shellDownloads(): string {
  return (shell as unknown as { current: { dir: { downloadsDir: string } } }).current.dir.downloadsDir;
}

/** Runs an expression in the document the kiosk's tab shows. */
async function inShownDocument(expression: string): Promise<unknown> {
  const { cdp, page } = shellPipe();
  const answer = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }, page.sessionId);
  return EvaluatedSchema.parse(answer).result.value;
}

/** What a person's Ctrl+C does on the site's page: the copy command, with a gesture. */
async function copyOnSite(text: string): Promise<void> {
  const { cdp, page } = shellPipe();
  const expression = `(() => {
    const put = (event) => { event.clipboardData.setData('text/plain', ${JSON.stringify(text)}); event.preventDefault(); };
    document.addEventListener('copy', put, { once: true });
    return document.execCommand('copy');
  })()`;
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true }, page.sessionId);
  const answer = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, userGesture: true }, page.sessionId);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false }, page.sessionId);
  expect(EvaluatedSchema.parse(answer).result.value).toBe(true);
}

/** Opens the stand-in site's `/keep`, which reports what an earlier visit left, then fills every store. */
async function visitKeepingEverything(): Promise<string> {
  await shell.showSite({ url: `${sites.allowed}/keep`, language: 'fr', allow: [] });
  await expect.poll(() => inShownDocument('document.body?.dataset.kept ?? null'), poll).toBe('true');
  return String(await inShownDocument("document.getElementById('kept').textContent"));
}

describe('the wipe of the Chromium shell, with a real site', () => {
  it('clears cookies, web storage, IndexedDB, Cache Storage, the service worker a site wrote, HTTP authentication and what was copied, its probe finds nothing, and the next visit reads nothing back', async () => {
    const nothing = 'cookie=false|localStorage=false|sessionStorage=false|indexedDB=false|caches=false|serviceWorker=false|httpAuth=false';
    expect(await visitKeepingEverything()).toBe(nothing);
    await copyOnSite('tax number 42');
    await shell.leaveSite();
    // The kiosk page is back and has filled its own stores too: the wipe clears both origins.
    await expect.poll(() => painted, poll).toBe(2);
    const firstBrowser = shell.browserPid;

    const report = await shell.wipeBrowsingData();

    // The site asked for HTTP authentication, which only a fresh browser forgets: this wipe relaunched it.
    expect(report).toEqual({ cleared: ['http authentication', 'cookies', 'site data', 'http cache', 'session storage', 'clipboard', 'downloads'], leftovers: [] });
    expect(shell.browserPid).not.toBe(firstBrowser);
    expect(await visitKeepingEverything()).toBe(nothing);
  });

  it('wipes a visit that met no HTTP authentication in place, without relaunching the browser', async () => {
    await shell.showSite({ url: `${sites.allowed}/remember`, language: 'fr', allow: [] });
    await expect.poll(() => inShownDocument("document.getElementById('before')?.textContent ?? null"), poll).toBe('||');
    await shell.leaveSite();
    await expect.poll(() => painted, poll).toBe(2);
    const browser = shell.browserPid;

    const report = await shell.wipeBrowsingData();

    expect(report.leftovers).toEqual([]);
    expect(report.cleared).not.toContain('http authentication');
    expect(shell.browserPid).toBe(browser);
  });

  it("sees each kind a site left when the wipe's clearing of site data and clipboard is left out, on the site and once it is closed", async () => {
    await visitKeepingEverything();
    await copyOnSite('tax number 42');
    const { cdp, page } = shellPipe();
    const withoutSiteData = new Set(['site data', 'clipboard', 'downloads']);
    // What a download that got past the refusal would leave.
    await writeFile(path.join(shellDownloads(), 'avis-imposition.pdf'), '%PDF');
    const origin = sites.allowed;
    const scope = { origins: [origin], downloadsDir: shellDownloads() };
    const onSite = await wipeChromiumBrowsingData(cdp, page, scope, withoutSiteData);
    // With the site's document open, Chromium also names its databases, caches and local storage.
    expect(onSite.leftovers.sort()).toEqual([
      `Cache Storage caches of ${origin}`, `IndexedDB databases of ${origin}`,
      `cache_storage of ${origin}`, 'clipboard of the kiosk', 'downloads of the download folder', `indexeddb of ${origin}`, `localStorage of ${origin}`, `service_workers of ${origin}`,
    ]);
    await shell.leaveSite();
    await expect.poll(() => painted, poll).toBe(2);
    // Closed, the site's stores are still seen, in bytes (its localStorage is then what the next visit
    // reads back, in the first test); so is the local storage of the kiosk page, open now.
    const kioskOrigin = String(await inShownDocument('location.origin'));
    const closed = await wipeChromiumBrowsingData(cdp, page, scope, withoutSiteData);
    expect(closed.leftovers.sort()).toEqual([
      `cache_storage of ${origin}`, 'clipboard of the kiosk', 'downloads of the download folder', `indexeddb of ${origin}`, `localStorage of ${kioskOrigin}`, `service_workers of ${origin}`,
    ]);
    // The wipe itself empties the folder.
    expect((await wipeChromiumBrowsingData(cdp, page, { ...scope, origins: [origin, kioskOrigin] })).leftovers).toEqual([]);
  });

  it('fails the wipe, naming each store and origin, when a site writes again as fast as it is cleared, and the kiosk goes out of service', async () => {
    await shell.showSite({ url: `${sites.allowed}/stubborn`, language: 'fr', allow: [] });
    await expect.poll(() => inShownDocument('document.body?.dataset.writing ?? null'), poll).toBe('true');
    const kiosk = startWipingKiosk({ shell });
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'VISIT.FINISH' });
    kiosk.actor.send({ type: 'END.DISMISS' });

    await expect.poll(() => kiosk.view().screen, poll).toBe('out-of-service');
    const host = new URL(sites.allowed).hostname;
    expect(kiosk.failure()).toContain(`browser: cookies of ${host}`);
    expect(kiosk.failure()).toContain(`browser: localStorage of ${sites.allowed}`);
    // The values the site wrote (42) are never in the reason; the site's port may hold a 42, so it goes first.
    expect(kiosk.failure()?.replaceAll(sites.allowed, '<site>')).not.toContain('42');
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(kiosk.view().screen).toBe('out-of-service');
    kiosk.actor.stop();
  });
});
