import { z } from 'zod';
import type { CdpPipe } from './cdp-pipe';
import { withDeadline } from './deadline';

/** The browser's one page, as seen over DevTools. */
export interface KioskPage {
  targetId: string;
  /** The flat-mode session every page-level command goes through. */
  sessionId: string;
}

const TargetInfoSchema = z.object({ targetId: z.string(), type: z.string() });
const TargetsSchema = z.object({ targetInfos: z.array(TargetInfoSchema) });
const TargetCreatedSchema = z.object({ targetInfo: TargetInfoSchema });
const AttachedSchema = z.object({ sessionId: z.string() });
const NavigatedSchema = z.object({ errorText: z.string().optional() });
const EvaluatedSchema = z.object({ result: z.object({ value: z.unknown() }) });

/** Attaches to the one page Chromium opened (the token-free start page given to `--app`) and enables what the shell listens to. */
export async function attachKioskPage(cdp: CdpPipe, timeoutMs: number): Promise<KioskPage> {
  return withDeadline(timeoutMs, `Chromium showed no page within ${timeoutMs} ms`, async () => {
    const targetId = await firstPageTarget(cdp);
    const { sessionId } = AttachedSchema.parse(await cdp.send('Target.attachToTarget', { targetId, flatten: true }));
    await cdp.send('Page.enable', {}, sessionId);
    // Inspector.targetCrashed is only sent to sessions that enabled the domain.
    await cdp.send('Inspector.enable', {}, sessionId);
    return { targetId, sessionId };
  });
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

/** Calls `listener` when the page's renderer process dies; both events may come for one crash. */
export function onKioskPageCrash(cdp: CdpPipe, page: KioskPage, listener: () => void): void {
  cdp.on('Target.targetCrashed', (params) => {
    if (params.targetId === page.targetId) listener();
  });
  cdp.on('Inspector.targetCrashed', (_params, sessionId) => {
    if (sessionId === page.sessionId) listener();
  });
}

async function firstPageTarget(cdp: CdpPipe): Promise<string> {
  let announce: (targetId: string) => void = () => {};
  const announced = new Promise<string>((resolve) => (announce = resolve));
  const stop = cdp.on('Target.targetCreated', (params) => {
    const created = TargetCreatedSchema.safeParse(params);
    if (created.success && created.data.targetInfo.type === 'page') announce(created.data.targetInfo.targetId);
  });
  try {
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = TargetsSchema.parse(await cdp.send('Target.getTargets'));
    return targetInfos.find((target) => target.type === 'page')?.targetId ?? (await announced);
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
