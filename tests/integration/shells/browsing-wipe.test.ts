import { mkdtemp, rm } from 'node:fs/promises';
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
  it('clears cookies, web storage, IndexedDB, Cache Storage, the service worker a site wrote and what was copied, its probe finds nothing, and the next visit reads nothing back', async () => {
    const nothing = 'cookie=false|localStorage=false|sessionStorage=false|indexedDB=false|caches=false|serviceWorker=false';
    expect(await visitKeepingEverything()).toMatch(new RegExp(`^${nothing}\\|httpAuth=false$`));
    await copyOnSite('tax number 42');
    await shell.leaveSite();
    // The kiosk page is back and has filled its own stores too: the wipe clears both origins.
    await expect.poll(() => painted, poll).toBe(2);

    const report = await shell.wipeBrowsingData();

    expect(report).toEqual({ cleared: ['cookies', 'site data', 'http cache', 'session storage', 'clipboard'], leftovers: [] });
    const next = await visitKeepingEverything();
    expect(next.startsWith(nothing)).toBe(true);
    // Not cleared: no DevTools call reaches the HTTP authentication cache (see docs/security.md).
    console.log(`browsing-wipe.test: HTTP authentication after the wipe: ${next.split('|').at(-1)}`);
  });

  it("sees each kind a site left when the wipe's clearing of site data and clipboard is left out, on the site and once it is closed", async () => {
    await visitKeepingEverything();
    await copyOnSite('tax number 42');
    const { cdp, page } = shellPipe();
    const withoutSiteData = new Set(['site data', 'clipboard']);
    const origin = sites.allowed;
    const onSite = await wipeChromiumBrowsingData(cdp, page, [origin], withoutSiteData);
    // With the site's document open, Chromium also names its databases, caches and local storage.
    expect(onSite.leftovers.sort()).toEqual([
      `Cache Storage caches of ${origin}`, `IndexedDB databases of ${origin}`,
      `cache_storage of ${origin}`, 'clipboard of the kiosk', `indexeddb of ${origin}`, `localStorage of ${origin}`, `service_workers of ${origin}`,
    ]);
    await shell.leaveSite();
    await expect.poll(() => painted, poll).toBe(2);
    // Closed, the site's stores are still seen, in bytes (its localStorage is then what the next visit
    // reads back, in the first test); so is the local storage of the kiosk page, open now.
    const kioskOrigin = String(await inShownDocument('location.origin'));
    const closed = await wipeChromiumBrowsingData(cdp, page, [origin], withoutSiteData);
    expect(closed.leftovers.sort()).toEqual([
      `cache_storage of ${origin}`, 'clipboard of the kiosk', `indexeddb of ${origin}`, `localStorage of ${kioskOrigin}`, `service_workers of ${origin}`,
    ]);
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
    expect(kiosk.failure()).not.toContain('42');
    kiosk.actor.send({ type: 'SESSION.START' });
    expect(kiosk.view().screen).toBe('out-of-service');
    kiosk.actor.stop();
  });
});
