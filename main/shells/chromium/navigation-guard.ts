import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { decideNavigation, type LockdownPolicy, type Verdict } from '../../lockdown/policy';
import type { SiteScope } from '../../../common/lockdown-config';
import type { CdpPipe } from './cdp-pipe';
import { guardDocuments, guardFrames } from './frame-guard';
import type { KioskPage } from './kiosk-page';

const NavigatedSchema = z.object({ frame: z.object({ url: z.string(), parentId: z.string().optional(), unreachableUrl: z.string().optional() }) });
const HistorySchema = z.object({ currentIndex: z.number(), entries: z.array(z.object({ id: z.number(), url: z.string() })) });

export interface NavigationEvents {
  onRefused(url: string, reason: string): void;
  /** The top frame came back to the kiosk page while a site was open (history.back past its first page, a refused landing). */
  onSiteLeft(): void;
  /** The open site's page could not be reached; the kiosk page is on its way back. */
  onSiteUnreachable(url: string): void;
}

/** What the shell tells the guard: whether the top frame may show the profile's sites now. */
export interface NavigationGuard {
  /**
   * From now on the top frame may show the profile's sites, and only them besides the kiosk page;
   * `procedureSites` too (a guided procedure's own allowlist), in every frame, until the site closes.
   */
  siteOpened(procedureSites?: readonly SiteScope[]): void;
  /** From now on the top frame shows the kiosk page only; the shell brings it back itself. */
  siteClosed(): void;
  /** True while a site is open. */
  readonly siteOpen: boolean;
}

/**
 * Every document the kiosk's page would load, top frame, frame or redirect alike, is asked to the
 * lockdown policy before a byte is fetched. A refused one is answered "204 No Content": the browser
 * then stays on the page it was showing, with no error page of its own; `onRefused` hears why.
 * The top frame shows the kiosk page, and the profile's sites only while the visit has one open.
 * With the managed policies installed, Chromium refuses a blocked URL itself before any request, and
 * shows its own "blocked" page: the top frame is then taken back to the site's previous page, or to
 * `returnTo`. A site that cannot be reached is never left on Chromium's error page either.
 */
export async function guardNavigations(
  cdp: CdpPipe,
  page: KioskPage,
  policy: LockdownPolicy,
  returnTo: string,
  events: NavigationEvents,
): Promise<NavigationGuard> {
  // The kiosk's origin serves one document, the kiosk page: any other path there (a 404, a file of the
  // bundle, the start page that history.back() returns to) would leave the app as surely as another site.
  // (Page.resetNavigationHistory would hide the start page, but a renderer that still counts the old
  // entries is killed by the browser when it goes back: the guard takes the frame back instead.)
  const kioskPage = new URL(returnTo);
  const onKioskOrigin = (url: string) => URL.canParse(url) && new URL(url).origin === kioskPage.origin;
  const isKioskPage = (url: string) => onKioskOrigin(url) && new URL(url).pathname === kioskPage.pathname;
  let siteOpen = false;
  // The profile's sites, plus the open procedure's own while its site shows.
  let sitePolicy = policy;
  const decide = (url: string, topFrame: boolean): Verdict => {
    if (onKioskOrigin(url)) return isKioskPage(url) ? { allow: true } : { allow: false, reason: 'not the kiosk page' };
    if (topFrame && !siteOpen) return { allow: false, reason: 'no site is open: the top frame shows the kiosk page' };
    return decideNavigation(sitePolicy, url);
  };
  const closeSite = () => {
    siteOpen = false;
    sitePolicy = policy;
  };
  const send = (method: string, params: Record<string, unknown>) => cdp.send(method, params, page.sessionId);
  const takeBack = () => void send('Page.navigate', { url: returnTo }).catch(() => {});
  // A refused landing while a site is open goes back to the site's page before it, when there is one.
  const stepBackOrTakeBack = async () => {
    if (!siteOpen) return takeBack();
    const history = await navigationHistory();
    const previous = history ? history.entries[history.currentIndex - 1] : undefined;
    if (siteOpen && previous && !onKioskOrigin(previous.url) && decide(previous.url, true).allow) {
      await send('Page.navigateToHistoryEntry', { entryId: previous.id }).catch(takeBack);
    } else takeBack();
  };
  // Just after Chromium committed its own error page the target is between renderers for a moment, and
  // answers "Not attached to an active page": asked again shortly.
  const navigationHistory = async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const history = HistorySchema.safeParse(await send('Page.getNavigationHistory', {}).catch(() => null));
      if (history.success) return history.data;
      await delay(50);
    }
    return null;
  };

  let shown = false;
  cdp.on('Page.frameNavigated', (params, sessionId) => {
    if (sessionId !== page.sessionId) return;
    const navigated = NavigatedSchema.safeParse(params);
    if (!navigated.success || navigated.data.frame.parentId) return;
    const { url, unreachableUrl } = navigated.data.frame;
    if (isKioskPage(url)) {
      // Until the kiosk page has shown once, the start page may still be committing: taking the frame
      // back then would abort the kiosk page's own first load.
      shown = true;
      if (siteOpen) {
        closeSite();
        events.onSiteLeft();
      }
      return;
    }
    if (!shown) return;
    // The kiosk page itself failing to load is the watchdog's to handle: going back to it would loop.
    if (unreachableUrl !== undefined && isKioskPage(unreachableUrl)) return;
    const verdict = decide(unreachableUrl ?? url, true);
    if (verdict.allow && !url.startsWith('chrome-error:')) return;
    if (verdict.allow && siteOpen && unreachableUrl !== undefined) {
      // An allowed page that could not load: Borne says so itself, instead of Chromium's error page.
      closeSite();
      events.onSiteUnreachable(unreachableUrl);
      takeBack();
      return;
    }
    events.onRefused(unreachableUrl ?? url, verdict.allow ? 'the page could not be shown' : verdict.reason);
    void stepBackOrTakeBack();
  });
  await guardDocuments(cdp, page.sessionId, page.targetId, decide, events.onRefused);
  await guardFrames(cdp, page.sessionId, decide, events.onRefused);
  return {
    siteOpened: (procedureSites = []) => {
      sitePolicy = { ...policy, allow: [...policy.allow, ...procedureSites] };
      siteOpen = true;
    },
    siteClosed: closeSite,
    get siteOpen() {
      return siteOpen;
    },
  };
}
