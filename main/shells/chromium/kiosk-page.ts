import { z } from 'zod';
import { LAUNCH_TOKEN_GLOBAL } from '../../../common/bridge';
import type { CdpPipe } from './cdp-pipe';
import { withDeadline } from './deadline';

/** The browser's one page, as seen over DevTools. */
export interface KioskPage {
  targetId: string;
  /** The flat-mode session every page-level command goes through. */
  sessionId: string;
  /** The page's browser context, whose cookies the wipe clears and checks. */
  browserContextId: string;
  /** True when that context is off the record (`--incognito`): its storage lives in memory only. */
  offTheRecord: boolean;
}

const TargetInfoSchema = z.object({ targetId: z.string(), type: z.string(), url: z.string().optional(), browserContextId: z.string().optional() });
const BrowserContextsSchema = z.object({ defaultBrowserContextId: z.string().optional() });
const TargetsSchema = z.object({ targetInfos: z.array(TargetInfoSchema) });
const TargetCreatedSchema = z.object({ targetInfo: TargetInfoSchema });
const AttachedSchema = z.object({ sessionId: z.string() });
const NavigatedSchema = z.object({ errorText: z.string().optional() });
const EvaluatedSchema = z.object({ result: z.object({ value: z.unknown() }) });

/** Attaches to the one page Chromium opened (the token-free start page given to `--app`) and enables what the shell listens to. */
export async function attachKioskPage(cdp: CdpPipe, timeoutMs: number): Promise<KioskPage> {
  return withDeadline(timeoutMs, `Chromium showed no page within ${timeoutMs} ms`, async () => {
    const { targetId, browserContextId } = await firstPageTarget(cdp);
    if (!browserContextId) throw new Error('Chromium did not say which browser context the kiosk page is in');
    const { defaultBrowserContextId } = BrowserContextsSchema.parse(await cdp.send('Target.getBrowserContexts'));
    const { sessionId } = AttachedSchema.parse(await cdp.send('Target.attachToTarget', { targetId, flatten: true }));
    await cdp.send('Page.enable', {}, sessionId);
    // Inspector.targetCrashed is only sent to sessions that enabled the domain.
    await cdp.send('Inspector.enable', {}, sessionId);
    return { targetId, sessionId, browserContextId, offTheRecord: browserContextId !== defaultBrowserContextId };
  });
}

/**
 * Defines the launch token as a read-only global in every document of our origin this page loads,
 * before the page's scripts run (reloads after a crash included). Chromium records every URL it
 * shows (history, sessions, the DevTools target list), so the token never rides in one.
 */
export async function provideLaunchToken(cdp: CdpPipe, page: KioskPage, origin: string, token: string): Promise<void> {
  const source = `if (location.origin === ${JSON.stringify(origin)}) Object.defineProperty(window, ${JSON.stringify(LAUNCH_TOKEN_GLOBAL)}, { value: ${JSON.stringify(token)} });`;
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source }, page.sessionId);
}

/**
 * Opens the kiosk page and waits until it has loaded. The URL (and the launch token in it) goes over
 * the pipe, not on Chromium's command line, which every local user can read in /proc.
 */
export async function showKioskPage(cdp: CdpPipe, page: KioskPage, pageUrl: string, timeoutMs: number): Promise<void> {
  const origin = new URL(pageUrl).origin;
  await withDeadline(timeoutMs, `the kiosk page did not load from ${origin} within ${timeoutMs} ms`, async () => {
    const { errorText } = NavigatedSchema.parse(await cdp.send('Page.navigate', { url: pageUrl }, page.sessionId));
    if (errorText) throw new Error(`Chromium could not open the kiosk page from ${origin}: ${errorText}`);
    await waitForOurPage(cdp, page, origin);
  });
}

/**
 * The kiosk has one window. Any other page that appears (Ctrl+T, Ctrl+N, Ctrl+Shift+N, a site's
 * window.open or target=_blank, a DevTools or downloads window) is closed the instant Chromium announces
 * it; `onClosed` hears its URL, for the log. Managed policies stop what never becomes a page (dialogs).
 */
export function closeEveryOtherWindow(cdp: CdpPipe, page: KioskPage, onClosed: (url: string) => void): void {
  cdp.on('Target.targetCreated', (params) => {
    const created = TargetCreatedSchema.safeParse(params);
    if (!created.success) return;
    const { targetId, type } = created.data.targetInfo;
    if (type !== 'page' || targetId === page.targetId) return;
    releaseThenClose(cdp, targetId).then(
      () => onClosed(created.data.targetInfo.url ?? ''),
      () => {}, // gone already
    );
  });
}

/**
 * A window the kiosk page opens on its own site shares the page's renderer, main thread included. A
 * DevTools client that waits for new targets (Playwright's connectOverCDP does) holds the new window
 * paused before its first script, and that pause holds the kiosk page too; closing the window then
 * never lifts it, so the kiosk page stopped answering and the watchdog ended its renderer. The window
 * is therefore let go (Runtime.runIfWaitingForDebugger from a session of ours) before it is closed.
 */
async function releaseThenClose(cdp: CdpPipe, targetId: string): Promise<void> {
  const attached = AttachedSchema.safeParse(await cdp.send('Target.attachToTarget', { targetId, flatten: true }).catch(() => null));
  if (attached.success) await cdp.send('Runtime.runIfWaitingForDebugger', {}, attached.data.sessionId).catch(() => {});
  await cdp.send('Target.closeTarget', { targetId });
}

/** Calls `listener` when the page's renderer process dies (both events may come for one crash); returns what stops listening. */
export function onKioskPageCrash(cdp: CdpPipe, page: KioskPage, listener: () => void): () => void {
  const stopTarget = cdp.on('Target.targetCrashed', (params) => {
    if (params.targetId === page.targetId) listener();
  });
  const stopInspector = cdp.on('Inspector.targetCrashed', (_params, sessionId) => {
    if (sessionId === page.sessionId) listener();
  });
  return () => {
    stopTarget();
    stopInspector();
  };
}

type TargetInfo = z.infer<typeof TargetInfoSchema>;

async function firstPageTarget(cdp: CdpPipe): Promise<TargetInfo> {
  let announce: (target: TargetInfo) => void = () => {};
  const announced = new Promise<TargetInfo>((resolve) => (announce = resolve));
  const stop = cdp.on('Target.targetCreated', (params) => {
    const created = TargetCreatedSchema.safeParse(params);
    if (created.success && created.data.targetInfo.type === 'page') announce(created.data.targetInfo);
  });
  try {
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = TargetsSchema.parse(await cdp.send('Target.getTargets'));
    return targetInfos.find((target) => target.type === 'page') ?? (await announced);
  } finally {
    stop();
  }
}

/** Asks whether our page has loaded, and waits for the next load event until it has. */
async function waitForOurPage(cdp: CdpPipe, page: KioskPage, origin: string): Promise<void> {
  const expression = 'document.readyState === "complete" ? location.origin : ""';
  for (;;) {
    const loaded = nextLoad(cdp, page);
    // Asking in the middle of the navigation can hit a context being torn down: that is "not yet".
    const evaluated = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }, page.sessionId).catch(() => null);
    if (evaluated && EvaluatedSchema.parse(evaluated).result.value === origin) {
      loaded.cancel();
      return;
    }
    await loaded.promise;
  }
}

/** Subscribes before asking, so a load that lands in between is not missed. */
function nextLoad(cdp: CdpPipe, page: KioskPage): { promise: Promise<void>; cancel(): void } {
  let cancel = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    const stopLoad = cdp.on('Page.loadEventFired', (_params, sessionId) => {
      if (sessionId !== page.sessionId) return;
      cancel();
      resolve();
    });
    const stopClose = cdp.onClose((reason) => reject(new Error(reason)));
    cancel = () => {
      stopLoad();
      stopClose();
    };
  });
  promise.catch(() => {});
  return { promise, cancel };
}
