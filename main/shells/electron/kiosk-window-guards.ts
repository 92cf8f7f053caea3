import type { BrowserWindow, IpcMainEvent, WebContents } from 'electron';
import { decideNavigation, decideNewWindow, decidePermission, isBlockedShortcut, type LockdownPolicy } from '../../lockdown/policy';
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
 * The lockdown policy on the kiosk's web contents (and on any other the app ever creates, through
 * main.ts's `web-contents-created`): navigation of every frame and redirect, new windows (an allowed
 * target opens in the same view), permissions, downloads, and shortcuts, all decided by main/lockdown.
 */
export function guardWebContents(contents: WebContents, policy: LockdownPolicy, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNewWindow(policy, url) === 'same-view') void contents.loadURL(url);
    else log.warn({ url }, 'refused to open a window');
    return { action: 'deny' };
  });
  const guardNavigation = (event: { url: string; preventDefault(): void }) => {
    const verdict = decideNavigation(policy, event.url);
    if (verdict.allow) return;
    event.preventDefault();
    log.warn({ url: event.url, reason: verdict.reason }, 'refused a navigation');
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    if (isBlockedShortcut({ key: input.key, control: input.control, shift: input.shift, alt: input.alt, meta: input.meta })) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.on('will-download', (event, item) => {
    event.preventDefault();
    log.warn({ url: item.getURL() }, 'refused a download');
  });
  contents.session.setPermissionRequestHandler((requester, permission, callback) => {
    const granted = decidePermission(policy, originOf(requester.getURL()), permission);
    if (!granted) log.warn({ permission }, 'refused a permission request');
    callback(granted);
  });
  contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(policy, requestingOrigin, permission));
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
