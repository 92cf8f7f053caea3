import { z } from 'zod';
import type { Logger } from '../../log';
import type { CdpPipe } from './cdp-pipe';
import type { KioskPage } from './kiosk-page';

const WillBeginSchema = z.object({ guid: z.string(), url: z.string() });
const ProgressSchema = z.object({ guid: z.string(), state: z.string() });

/**
 * Refuses every download of the page: a file a visit downloads would outlive it on disk. The managed
 * policies refuse them too (DownloadRestrictions); this covers a kiosk without them. It is asked on the
 * page's session: Browser.setDownloadBehavior reaches the default context only, never the page's
 * off-the-record one (measured: the file was written). Each refusal is logged with the site's origin
 * only; a download that completes anyway is an error (the wipe's probe would then find it).
 */
export async function refuseDownloads(cdp: CdpPipe, page: KioskPage, log: Logger): Promise<void> {
  const origins = new Map<string, string>();
  cdp.on('Page.downloadWillBegin', (params, sessionId) => {
    const download = WillBeginSchema.safeParse(params);
    if (sessionId === page.sessionId && download.success && URL.canParse(download.data.url)) {
      origins.set(download.data.guid, new URL(download.data.url).origin);
    }
  });
  cdp.on('Page.downloadProgress', (params, sessionId) => {
    const progress = ProgressSchema.safeParse(params);
    if (sessionId !== page.sessionId || !progress.success || progress.data.state === 'inProgress') return;
    const origin = origins.get(progress.data.guid);
    origins.delete(progress.data.guid);
    if (progress.data.state === 'canceled') log.info({ origin }, 'download refused');
    else log.error({ origin }, 'a download got past the refusal: the wipe empties the download folder');
  });
  await cdp.send('Page.setDownloadBehavior', { behavior: 'deny' }, page.sessionId);
}
