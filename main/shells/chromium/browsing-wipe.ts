import type { BrowsingWipeReport } from '../shell';
import { describeResidue, findBrowsingResidue, withinStepDeadline } from './browsing-residue';
import type { CdpPipe } from './cdp-pipe';
import { clearClipboard } from './clipboard-wipe';
import { emptyDownloadsFolder } from './downloads-folder';
import type { KioskPage } from './kiosk-page';
import { errorMessage } from '../../../common/error-message';

/** Where a visit could have left something in the browser. */
export interface BrowsingScope {
  /** The kiosk page's origin and every origin the profile allows, visited or not: cheaper than keeping a list. */
  origins: readonly string[];
  /** The launch's download folder (`LaunchDir.downloadsDir`). */
  downloadsDir: string;
}

/**
 * Clears every store the visit could have filled, then looks again (`findBrowsingResidue`). A step
 * that fails or hangs is a leftover, never a thrown error: the wipe actor decides what an incomplete
 * wipe means. `skip` leaves out clearing steps by name, for the test that proves the probe sees them.
 * HTTP authentication is not among the steps: no DevTools call clears it, so the shell relaunches the
 * browser after a visit that met it (`http-auth-watch.ts`).
 */
export async function wipeChromiumBrowsingData(cdp: CdpPipe, page: KioskPage, scope: BrowsingScope,
  skip: ReadonlySet<string> = new Set()): Promise<BrowsingWipeReport> {
  const { origins, downloadsDir } = scope;
  const report: BrowsingWipeReport = { cleared: [], leftovers: [] };
  const { sessionId } = page;
  const clear = async (store: string, work: () => Promise<unknown>) => {
    if (skip.has(store)) return;
    try {
      await withinStepDeadline(work);
      report.cleared.push(store);
    } catch (error) {
      report.leftovers.push(`clearing ${store} failed: ${errorMessage(error)}`);
    }
  };

  // Asked through the page's session, these see the page's off-the-record cookie jar; the browser-level
  // Storage calls would look at the default context's, which the page never uses, and find it empty.
  await clear('cookies', () => cdp.send('Network.clearBrowserCookies', {}, sessionId));
  // Local storage, IndexedDB, Cache Storage, service workers and file systems of each origin. Chromium
  // answers "Internal error" to this one at browser level: it needs the page's session.
  await clear('site data', () => Promise.all(origins.map((origin) =>
    cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }, sessionId))));
  await clear('http cache', () => cdp.send('Network.clearBrowserCache', {}, sessionId));
  // sessionStorage belongs to the tab, not to the origin, so clearDataForOrigin leaves it: the page clears it.
  await clear('session storage', () => cdp.send('Runtime.evaluate', { expression: 'sessionStorage.clear()' }, sessionId));

  await clear('clipboard', () => clearClipboard(cdp, page));
  await clear('downloads', () => emptyDownloadsFolder(downloadsDir));

  const residue = await findBrowsingResidue(cdp, page, scope);
  report.leftovers.push(...residue.map(describeResidue));
  return report;
}
