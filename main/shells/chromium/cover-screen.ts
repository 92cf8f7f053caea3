import { z } from 'zod';
import type { CdpPipe } from './cdp-pipe';
import type { KioskPage } from './kiosk-page';

const WindowSchema = z.object({
  windowId: z.number(),
  bounds: z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() }).partial(),
});
const ScreenSchema = z.object({ result: z.object({ value: z.tuple([z.number(), z.number()]) }) });

/**
 * `--kiosk` asks the window manager for full screen. On a bare X server (a kiosk without a window
 * manager, or Xvfb) nobody grants it and the window keeps a default size, leaving the desktop
 * visible around it. Then the shell sizes the window to the screen itself. Under a window manager
 * or cage the window already covers the screen and nothing is changed. (Chromium keeps a normal X11
 * window one pixel short of the screen size; only a window manager's fullscreen closes that gap.)
 */
export async function coverScreen(cdp: CdpPipe, page: KioskPage): Promise<'covered' | 'resized'> {
  const { windowId, bounds } = WindowSchema.parse(await cdp.send('Browser.getWindowForTarget', { targetId: page.targetId }));
  const evaluated = await cdp.send('Runtime.evaluate',
    { expression: '[screen.width, screen.height]', returnByValue: true }, page.sessionId);
  const [width, height] = ScreenSchema.parse(evaluated).result.value;
  const covers = bounds.left === 0 && bounds.top === 0 && width - (bounds.width ?? 0) <= 1 && height - (bounds.height ?? 0) <= 1;
  if (covers) return 'covered';
  // Bounds can only be set on a normal window; fullscreen again right after, because only
  // fullscreen hides the window's own bars.
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: 0, top: 0, width, height } });
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'fullscreen' } });
  return 'resized';
}
