import { z } from 'zod';
import type { CdpPipe } from './cdp-pipe';
import type { BrowsingScope } from './browsing-wipe';
import { clipboardHoldsSomething } from './clipboard-wipe';
import { countDownloads } from './downloads-folder';
import { withDeadline } from './deadline';
import type { KioskPage } from './kiosk-page';

/** What a visit may have left in the browser, named by kind and place: never a value, never a name a site chose. */
export interface Residue {
  kind: string;
  /** The origin (or, for a cookie, the domain) that holds it. */
  where: string;
}

/** Chromium has been seen to leave a storage call unanswered while the page was opening a database. */
const STEP_TIMEOUT_MS = 5_000;

/** One clearing step or one look, given up once STEP_TIMEOUT_MS have passed (the wipe and the probe share it). */
export function withinStepDeadline<T>(work: () => Promise<T>): Promise<T> {
  return withDeadline(STEP_TIMEOUT_MS, `no answer within ${STEP_TIMEOUT_MS} ms`, work);
}

const CookiesSchema = z.object({ cookies: z.array(z.object({ domain: z.string() })) });
const UsageSchema = z.object({ usageBreakdown: z.array(z.object({ storageType: z.string(), usage: z.number() })) });
const DatabaseNamesSchema = z.object({ databaseNames: z.array(z.string()) });
const CacheNamesSchema = z.object({ caches: z.array(z.unknown()) });
const StorageItemsSchema = z.object({ entries: z.array(z.unknown()) });
const WebStorageSchema = z.object({
  result: z.object({ value: z.object({ localStorage: z.number(), sessionStorage: z.number(), origin: z.string() }) }),
});

/**
 * Chromium answers a question about an origin's databases, caches or local storage only while a frame
 * of that origin is open; for another origin it says so with one of these. That origin's stores are
 * then read in bytes (`Storage.getUsageAndQuota`), which needs no frame.
 */
const NO_FRAME_OF_ORIGIN = /No document for given frame found|No frame found for given storage key|Frame not found for the given storage id/;

export function isNoFrameOfOrigin(error: unknown): boolean {
  return error instanceof Error && NO_FRAME_OF_ORIGIN.test(error.message);
}

/** One cookie jar's cookies, one residue per domain that has any. */
export function cookieResidue(answer: unknown): Residue[] {
  const domains = new Set(CookiesSchema.parse(answer).cookies.map((cookie) => cookie.domain));
  return [...domains].map((where) => ({ kind: 'cookies', where }));
}

/** The stores of an origin that still use bytes: IndexedDB, Cache Storage, service workers, file systems. */
export function usageResidue(origin: string, answer: unknown): Residue[] {
  return UsageSchema.parse(answer).usageBreakdown
    .filter((entry) => entry.usage > 0)
    .map((entry) => ({ kind: entry.storageType, where: origin }));
}

/** A count of things found in one kind of store, as a residue when there are any. */
export function countResidue(kind: string, where: string, count: number): Residue[] {
  return count > 0 ? [{ kind, where }] : [];
}

/** How a leftover reads in the wipe's report and log. */
export function describeResidue({ kind, where }: Residue): string {
  return `${kind} of ${where}`;
}

/**
 * The current document's web storage. sessionStorage belongs to the tab, not to the origin, so no
 * origin-wide call reaches it: it is counted where it lives.
 */
const COUNT_WEB_STORAGE = '({ localStorage: localStorage.length, sessionStorage: sessionStorage.length, origin: location.origin })';

/**
 * Looks, after a wipe, in every store a visit could have filled, for every origin it could have
 * touched: cookies of the page's (off-the-record) jar, each origin's stores in bytes, by name what
 * Chromium will name (the open document's origin), the clipboard and the download folder. A look that
 * fails or hangs is a residue too: what could not be checked is not proven clean.
 */
export async function findBrowsingResidue(cdp: CdpPipe, page: KioskPage, { origins, downloadsDir }: BrowsingScope): Promise<Residue[]> {
  const { sessionId } = page;
  const found: Residue[] = [];
  // Off the record, Chromium records no autocomplete entry, form data or history of what was typed;
  // a page in the default context would write them to the profile folder.
  if (!page.offTheRecord) found.push({ kind: 'form and autofill data (the page is not off the record)', where: 'the kiosk' });
  const look = async (kind: string, where: string, work: () => Promise<Residue[]>) => {
    try {
      found.push(...await withinStepDeadline(work));
    } catch (error) {
      if (!isNoFrameOfOrigin(error)) found.push({ kind: `${kind} (could not be checked)`, where });
    }
  };
  const send = (method: string, params: Record<string, unknown> = {}) => cdp.send(method, params, sessionId);

  await look('cookies', 'the page', async () => cookieResidue(await send('Network.getAllCookies')));
  await look('web storage', 'the page', async () => {
    const evaluated = await send('Runtime.evaluate', { expression: COUNT_WEB_STORAGE, returnByValue: true });
    const { localStorage, sessionStorage, origin } = WebStorageSchema.parse(evaluated).result.value;
    return [...countResidue('localStorage', origin, localStorage), ...countResidue('sessionStorage', origin, sessionStorage)];
  });
  await send('DOMStorage.enable').catch(() => {}); // without it, local storage is looked at below and fails as unchecked
  for (const origin of origins) {
    const storageKey = `${origin}/`;
    await look('site data', origin, async () => usageResidue(origin, await send('Storage.getUsageAndQuota', { origin })));
    await look('IndexedDB databases', origin, async () =>
      countResidue('IndexedDB databases', origin, DatabaseNamesSchema.parse(await send('IndexedDB.requestDatabaseNames', { storageKey })).databaseNames.length));
    await look('Cache Storage caches', origin, async () =>
      countResidue('Cache Storage caches', origin, CacheNamesSchema.parse(await send('CacheStorage.requestCacheNames', { storageKey })).caches.length));
    await look('localStorage', origin, async () => {
      const items = await send('DOMStorage.getDOMStorageItems', { storageId: { storageKey, isLocalStorage: true } });
      return countResidue('localStorage', origin, StorageItemsSchema.parse(items).entries.length);
    });
  }
  // Enabled only for the look: its events would otherwise report every write of every later visit.
  await send('DOMStorage.disable').catch(() => {});
  // A paste that did not reach its field proves nothing either way; under load one in a few dozen is
  // lost (the soak bench counts them), so it is tried a second time before it counts as unchecked.
  const clipboardHolds = () => clipboardHoldsSomething(cdp, page).catch(() => clipboardHoldsSomething(cdp, page));
  await look('clipboard', 'the kiosk', async () => (await clipboardHolds()) ? [{ kind: 'clipboard', where: 'the kiosk' }] : []);
  await look('downloads', 'the download folder', async () => countResidue('downloads', 'the download folder', await countDownloads(downloadsDir)));
  return dedupe(found);
}

function dedupe(residue: Residue[]): Residue[] {
  const seen = new Set<string>();
  return residue.filter((r) => {
    const key = `${r.kind}\0${r.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
