import type { BrowserWindow, IpcMainEvent } from 'electron';
import type { Logger } from '../../log';

/** Our page, whatever its fragment or query: the one rule both the IPC check and navigation use. */
export function isKioskPageUrl(url: string, indexUrl: string): boolean {
  try {
    const candidate = new URL(url);
    return `${candidate.protocol}//${candidate.host}${candidate.pathname}` === indexUrl;
  } catch {
    return false;
  }
}

/** A bridge message counts only from our window's main frame showing our page, never from a subframe. */
export function isFromKioskPage(event: IpcMainEvent, window: BrowserWindow, indexUrl: string): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === window.webContents.mainFrame && isKioskPageUrl(frame.url, indexUrl);
}

/**
 * Minimal safe defaults until the shared lockdown policy exists: no new windows, no navigation away
 * from the kiosk page, no permission granted to the page.
 */
export function guardKioskWindow(window: BrowserWindow, indexUrl: string, log: Logger): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    log.warn({ url }, 'refused to open a window');
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isKioskPageUrl(event.url, indexUrl)) return;
    event.preventDefault();
    log.warn({ url: event.url }, 'refused to navigate away from the kiosk page');
  });
  contents.session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'refused a permission request');
    callback(false);
  });
  contents.session.setPermissionCheckHandler(() => false);
}
