import { z } from 'zod';
import { decideNavigation, type LockdownPolicy, type Verdict } from '../../lockdown/policy';
import type { CdpPipe } from './cdp-pipe';
import { guardDocuments, guardFrames } from './frame-guard';
import type { KioskPage } from './kiosk-page';

const NavigatedSchema = z.object({ frame: z.object({ url: z.string(), parentId: z.string().optional(), unreachableUrl: z.string().optional() }) });

/**
 * Every document the kiosk's page would load, top frame, frame or redirect alike, is asked to the
 * lockdown policy before a byte is fetched. A refused one is answered "204 No Content": the browser
 * then stays on the page it was showing, with no error page of its own; `onRefused` hears why.
 * With the managed policies installed, Chromium refuses a blocked URL itself before any request, and
 * shows its own "blocked" page: the top frame is then taken back to `returnTo` at once.
 */
export async function guardNavigations(
  cdp: CdpPipe,
  page: KioskPage,
  policy: LockdownPolicy,
  returnTo: string,
  onRefused: (url: string, reason: string) => void,
): Promise<void> {
  // The kiosk's origin serves one document, the kiosk page: any other path there (a 404, a file of the
  // bundle, the start page that history.back() returns to) would leave the app as surely as another site.
  // (Page.resetNavigationHistory would hide the start page, but a renderer that still counts the old
  // entries is killed by the browser when it goes back: the guard takes the frame back instead.)
  const kioskPage = new URL(returnTo);
  const onKioskOrigin = (url: string) => URL.canParse(url) && new URL(url).origin === kioskPage.origin;
  const isKioskPage = (url: string) => onKioskOrigin(url) && new URL(url).pathname === kioskPage.pathname;
  const decide = (url: string): Verdict => {
    if (!onKioskOrigin(url)) return decideNavigation(policy, url);
    return isKioskPage(url) ? { allow: true } : { allow: false, reason: 'not the kiosk page' };
  };
  let shown = false;
  cdp.on('Page.frameNavigated', (params, sessionId) => {
    if (sessionId !== page.sessionId) return;
    const navigated = NavigatedSchema.safeParse(params);
    if (!navigated.success || navigated.data.frame.parentId) return;
    const { url, unreachableUrl } = navigated.data.frame;
    // Until the kiosk page has shown once, the start page may still be committing: taking the frame
    // back then would abort the kiosk page's own first load.
    if (isKioskPage(url)) shown = true;
    if (!shown) return;
    const verdict = decide(unreachableUrl ?? url);
    if (verdict.allow && !url.startsWith('chrome-error:')) return;
    // The kiosk page itself failing to load is the watchdog's to handle: going back to it would loop.
    if (unreachableUrl !== undefined && isKioskPage(unreachableUrl)) return;
    onRefused(unreachableUrl ?? url, verdict.allow ? 'the page could not be shown' : verdict.reason);
    cdp.send('Page.navigate', { url: returnTo }, sessionId).catch(() => {});
  });
  await guardDocuments(cdp, page.sessionId, decide, onRefused);
  await guardFrames(cdp, page.sessionId, decide, onRefused);
}
