import type { CdpPipe } from './cdp-pipe';
import { onKioskPageCrash, type KioskPage } from './kiosk-page';

/**
 * Ends the renderer of a page whose main thread is stuck, so that it can be loaded again: a navigation
 * would wait for that thread forever. `Page.crash` is handled off the main thread (on the renderer's IO
 * thread), so it works on a page busy in an endless loop. Resolves true once Chromium reports the crash,
 * false if it did not within `timeoutMs` (then only restarting the browser helps).
 */
export function crashHungPage(cdp: CdpPipe, page: KioskPage, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const stop = onKioskPageCrash(cdp, page, () => done(true));
    const timer = setTimeout(() => done(false), timeoutMs);
    function done(crashed: boolean): void {
      clearTimeout(timer);
      stop();
      resolve(crashed);
    }
    // The renderer dies before it can answer, so the reply (or its absence) says nothing.
    cdp.send('Page.crash', {}, page.sessionId).catch(() => {});
  });
}
