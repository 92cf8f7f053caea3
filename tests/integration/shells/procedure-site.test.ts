import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BridgeHub } from '../../../main/bridge/hub';
import type { CdpPipe } from '../../../main/shells/chromium/cdp-pipe';
import { ChromiumShell } from '../../../main/shells/chromium/chromium-shell';
import type { KioskPage } from '../../../main/shells/chromium/kiosk-page';
import { captureLog } from '../../support/capture-log';
import { startStandInSites, type StandInSites } from '../../support/stand-in-sites';

// Real Chromium under a display: `tests/support/with-display.sh npx vitest run --project integration tests/integration/shells/procedure-site.test.ts`.
const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-renderer');
const poll = { timeout: 15_000, interval: 100 };
const EvaluatedSchema = z.object({ result: z.object({ value: z.unknown() }) });

let sites: StandInSites;
let shell: ChromiumShell;
let profileParentDir: string;
let lines: Array<Record<string, unknown>>;
/** How many times the kiosk page said it painted: it fills its own stores first (test-renderer/app.js). */
let painted = 0;

/** A kiosk whose profile lists no site at all: whatever a procedure reaches, it reaches through its own allowlist. */
beforeEach(async () => {
  sites = await startStandInSites();
  profileParentDir = await mkdtemp(path.join(tmpdir(), 'borne-procedure-site-'));
  const captured = captureLog();
  lines = captured.lines;
  painted = 0;
  shell = new ChromiumShell({ profileParentDir });
  await shell.start({ hub: new BridgeHub((event) => void (event.type === 'VIEW.PAINTED' && painted++), captured.log), rendererDir, log: captured.log, lockdown: { allow: [], mediaOrigins: [] } });
});

afterEach(async () => {
  await shell.stop();
  await sites.close();
  await rm(profileParentDir, { recursive: true, force: true });
});

/** Runs an expression in the document the kiosk's tab shows. */
async function inShownDocument(expression: string): Promise<unknown> {
  const { current } = shell as unknown as { current: { browser: { cdp: CdpPipe }; page: KioskPage } };
  const answer = await current.browser.cdp.send('Runtime.evaluate', { expression, returnByValue: true }, current.page.sessionId);
  return EvaluatedSchema.parse(answer).result.value;
}
const shownUrl = () => inShownDocument('location.href');
/** Does what a person's tap would, in the shown document. */
const act = (statement: string) => inShownDocument(`${statement}; true`);
const refusals = (origin: string) => lines.filter((line) => line.msg === 'refused a navigation' && String(line.url).startsWith(origin)).length;

describe('a guided procedure\'s site in the Chromium shell', () => {
  it('opens under the procedure\'s own allowlist, refuses a page outside it, and is refused again once it closed', async () => {
    const procedure = { url: `${sites.allowed}/`, language: 'fr' as const, allow: [{ origin: sites.allowed, pathPrefix: '/' }] };
    await shell.showSite(procedure);
    await expect.poll(shownUrl, poll).toBe(`${sites.allowed}/`);
    expect(await inShownDocument("document.querySelector('h1')?.textContent")).toBe('Site officiel de test');

    // Inside the procedure's list: followed. Outside it (127.0.0.2): refused, the site stays where it was.
    await act("document.getElementById('redirect-inside').click()");
    await expect.poll(shownUrl, poll).toBe(`${sites.allowed}/second`);
    await act('history.back()');
    await expect.poll(shownUrl, poll).toBe(`${sites.allowed}/`);
    await act("document.getElementById('foreign').click()");
    await expect.poll(() => refusals(sites.foreign), poll).toBe(1);
    expect(await shownUrl()).toBe(`${sites.allowed}/`);

    // Closed, the procedure's sites are no longer reachable: a site without them (a profile's tile) cannot show it.
    await shell.leaveSite();
    await expect.poll(shownUrl, poll).not.toContain(sites.allowed);
    await shell.showSite({ ...procedure, allow: [] });
    await expect.poll(() => refusals(sites.allowed), poll).toBe(1);
    expect(String(await shownUrl())).not.toContain(sites.allowed);
    await shell.leaveSite();
  });

  it('clears and checks the origins the procedure reached, though the profile does not list them', async () => {
    // A site that writes again as fast as it is cleared: the wipe's probe must look at its origin to see it.
    await shell.showSite({ url: `${sites.allowed}/stubborn`, language: 'fr', allow: [{ origin: sites.allowed, pathPrefix: '/' }] });
    await expect.poll(() => inShownDocument('document.body?.dataset.writing ?? null'), poll).toBe('true');
    const stubborn = await shell.wipeBrowsingData();
    // Asked by origin (the open document's local storage would be counted whatever the list).
    expect(stubborn.leftovers).toContain(`IndexedDB databases of ${sites.allowed}`);

    await shell.leaveSite();
    await expect.poll(() => painted, poll).toBe(2);
    expect(await shell.wipeBrowsingData()).toMatchObject({ leftovers: [] });
  });
});
