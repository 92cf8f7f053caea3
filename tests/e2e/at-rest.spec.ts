/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { filesHolding, placesAVisitCouldRest } from '../support/disk-scan';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { acceptNotice } from './fixtures';

// A visit fills every store a page can, then the host is killed with SIGKILL: no wipe runs, no
// cleanup. Nothing of the visit, and not the launch token, may be found in a file afterwards.

test.describe.configure({ timeout: 120_000 });

/** Playwright's own artifacts record what the test sent to the page, marker included: not the kiosk's doing. */
const TEST_RUNNER_FOLDERS = [path.resolve('test-results'), path.join(tmpdir(), 'playwright-')];

let kiosks: KioskProcess[] = [];
test.afterEach(async () => {
  for (const kiosk of kiosks) await kiosk.stop();
  kiosks = [];
});

test('after a SIGKILL in the middle of a visit, no visit data and no launch token rest in any file; the next start removes the dead run’s folder', async () => {
  const kiosk = await startKiosk();
  kiosks.push(kiosk);
  const marker = `borne-visit-${randomBytes(12).toString('hex')}`;
  const browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
  const page = browser.contexts()[0]!.pages()[0]!;
  await page.locator('[data-screen="attract"]').click();
  await page.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(page);
  const token = await page.evaluate(async (value) => {
    document.cookie = `visit=${value}; max-age=3600; path=/`;
    localStorage.setItem('visit', value);
    sessionStorage.setItem('visit', value);
    await (await caches.open('visit')).put('/visit', new Response(value));
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('visit', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('notes');
      open.onsuccess = () => {
        const write = open.result.transaction('notes', 'readwrite');
        write.objectStore('notes').put(value, 'note');
        write.oncomplete = resolve;
        write.onerror = reject;
      };
      open.onerror = reject;
    });
    return (window as unknown as { borneLaunchToken: string }).borneLaunchToken;
  }, marker);
  expect(token).toMatch(/^[\w-]{20,}$/);

  // The DevTools target list shows page URLs: the token is not in one.
  const targets = await (await fetch(`${kiosk.cdpEndpoint}/json/list`)).text();
  expect(targets).not.toContain(token);
  await browser.close();

  const launchDir = String((await kiosk.waitForLog((l) => l.msg === 'chromium launched')).launchDir);
  // Let Chromium flush what it would flush: a profile on disk gets its Sessions and Local Storage files in seconds.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  kiosk.process.kill('SIGKILL');
  await kiosk.stop();
  // The browser notices its DevTools pipe closed and exits by itself.
  await expect.poll(() => processesMentioning(launchDir), { timeout: 15_000 }).toEqual([]);

  const places = placesAVisitCouldRest();
  expect(await filesHolding([marker, token], places, TEST_RUNNER_FOLDERS)).toEqual([]);

  // The scan is not blind: the same needles in a plain file, in either encoding, are found.
  const control = mkdtempSync(path.join(tmpdir(), 'borne-scan-control-'));
  try {
    writeFileSync(path.join(control, 'utf8'), `x${marker}x`);
    writeFileSync(path.join(control, 'utf16'), Buffer.from(`x${token}x`, 'utf16le'));
    expect((await filesHolding([marker, token], places, TEST_RUNNER_FOLDERS)).sort())
      .toEqual([path.join(control, 'utf16'), path.join(control, 'utf8')]);
  } finally {
    rmSync(control, { recursive: true, force: true });
  }

  // What the dead run left (its profile folder, in memory) goes at the next start.
  expect(existsSync(launchDir)).toBe(true);
  const next = await startKiosk();
  kiosks.push(next);
  await next.waitForLog((l) => l.msg === 'removed the chromium folder of a run that did not stop cleanly' && l.dir === launchDir);
  expect(existsSync(launchDir)).toBe(false);
});

/** Live processes whose command line names `needle`. */
function processesMentioning(needle: string): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
    } catch {
      return false;
    }
  }).map(Number);
}
