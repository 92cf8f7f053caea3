import { z } from 'zod';
import type { BrowsingWipeReport } from '../shell';
import type { CdpPipe } from './cdp-pipe';
import { withDeadline } from './deadline';
import type { KioskPage } from './kiosk-page';

/** Chromium has been seen to leave a storage call unanswered while the page was opening a database. */
const STEP_TIMEOUT_MS = 5_000;

const CookiesSchema = z.object({ cookies: z.array(z.object({ name: z.string(), domain: z.string() })) });
const UsageSchema = z.object({ usageBreakdown: z.array(z.object({ storageType: z.string(), usage: z.number() })) });
const WebStorageSchema = z.object({
  result: z.object({ value: z.object({ localStorage: z.number(), sessionStorage: z.number() }) }),
});

/**
 * sessionStorage belongs to the tab, not to the origin, so clearDataForOrigin leaves it: the page
 * clears it. The same call reports both web storages as the page sees them.
 */
const CLEAR_SESSION_STORAGE_AND_COUNT = `(() => {
  sessionStorage.clear();
  return { localStorage: localStorage.length, sessionStorage: sessionStorage.length };
})()`;

/**
 * Clears every store the visit could have filled, then looks again. A step that fails or hangs is a
 * leftover, never a thrown error: the wipe actor decides what an incomplete wipe means.
 */
export async function wipeChromiumBrowsingData(cdp: CdpPipe, page: KioskPage, origins: readonly string[]): Promise<BrowsingWipeReport> {
  const report: BrowsingWipeReport = { cleared: [], leftovers: [] };
  const { sessionId } = page;
  const attempt = async (what: string, work: () => Promise<void>): Promise<boolean> => {
    try {
      await withDeadline(STEP_TIMEOUT_MS, `no answer within ${STEP_TIMEOUT_MS} ms`, work);
      return true;
    } catch (error) {
      report.leftovers.push(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  const clear = async (store: string, work: () => Promise<unknown>) => {
    if (await attempt(`clearing ${store}`, async () => void (await work()))) report.cleared.push(store);
  };

  // Asked through the page's session, these see the page's off-the-record cookie jar; the browser-level
  // Storage calls would look at the default context's, which the page never uses, and find it empty.
  await clear('cookies', () => cdp.send('Network.clearBrowserCookies', {}, sessionId));
  // Chromium answers "Internal error" to this one at browser level: it needs the page's session.
  // The kiosk's own origin and every site the profile allows, visited or not: cheaper than keeping a list.
  await clear('site data', () => Promise.all(origins.map((origin) =>
    cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }, sessionId))));
  await clear('http cache', () => cdp.send('Network.clearBrowserCache', {}, sessionId));
  await clear('session storage', async () => {
    const evaluated = await cdp.send('Runtime.evaluate', { expression: CLEAR_SESSION_STORAGE_AND_COUNT, returnByValue: true }, sessionId);
    const { value } = WebStorageSchema.parse(evaluated).result;
    if (value.localStorage > 0) report.leftovers.push(`localStorage: ${value.localStorage} items`);
    if (value.sessionStorage > 0) report.leftovers.push(`sessionStorage: ${value.sessionStorage} items`);
  });

  await attempt('checking cookies', async () => {
    const { cookies } = CookiesSchema.parse(await cdp.send('Network.getAllCookies', {}, sessionId));
    report.leftovers.push(...cookies.map((cookie) => `cookie ${cookie.name} (${cookie.domain})`));
  });
  for (const origin of origins) {
    await attempt(`checking site data of ${origin}`, async () => {
      // IndexedDB, Cache Storage, service workers and file systems of the origin, in bytes.
      const { usageBreakdown } = UsageSchema.parse(await cdp.send('Storage.getUsageAndQuota', { origin }, sessionId));
      const used = usageBreakdown.filter((entry) => entry.usage > 0);
      report.leftovers.push(...used.map((entry) => `${origin} ${entry.storageType}: ${entry.usage} bytes`));
    });
  }
  return report;
}
