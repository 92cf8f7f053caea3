import { isInsideRule, type LockdownConfig } from '../../common/lockdown-config';

/**
 * The one lockdown policy: pure decisions computed from the profile, used by both shells (the
 * Electron shell through its webContents events, the Chromium shell through managed policies and
 * DevTools). Nothing here touches a browser, so every rule is unit-tested.
 */
export interface LockdownPolicy {
  /** URL prefixes of the kiosk's own pages (`http://127.0.0.1:` for the Chromium shell, any port; a file:// folder for Electron). */
  readonly kioskPages: readonly string[];
  readonly allow: LockdownConfig['allow'];
  readonly mediaOrigins: readonly string[];
}

export type Verdict = { allow: true } | { allow: false; reason: string };

const ALLOWED: Verdict = { allow: true };
const refuse = (reason: string): Verdict => ({ allow: false, reason });

export function lockdownPolicy(config: LockdownConfig, kioskPages: readonly string[]): LockdownPolicy {
  // A video call's site needs the camera and microphone: it gets them without being listed twice.
  const callOrigins = config.allow.flatMap((rule) => (rule.call ? [rule.origin] : []));
  return { kioskPages, allow: config.allow, mediaOrigins: [...new Set([...config.mediaOrigins, ...callOrigins])] };
}

/**
 * Whether a frame may show `url`, for the top frame, a subframe or the target of a redirect alike:
 * the kiosk's own pages, and http(s) pages under an allowed origin and path prefix. Every other
 * scheme (file:, chrome:, devtools:, view-source:, javascript:, data:, external protocols such as
 * mailto: or intent:) is refused; a blob: URL counts as the origin that made it.
 */
export function decideNavigation(policy: LockdownPolicy, url: string): Verdict {
  if (policy.kioskPages.some((prefix) => url.startsWith(prefix))) return ALLOWED;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('not a URL');
  }
  if (parsed.protocol === 'blob:') return decideNavigation(policy, parsed.pathname);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return refuse(`the ${parsed.protocol} scheme is never opened`);
  if (parsed.username || parsed.password) return refuse('credentials in the address');
  const allowed = policy.allow.some((rule) => isInsideRule(parsed.href, rule));
  return allowed ? ALLOWED : refuse(`${parsed.origin}${parsed.pathname} is not on this kiosk's list of sites`);
}

/**
 * Whether a visit may open `url` as a site (SITE.OPEN from a view): an http(s) page on the profile's
 * list, never one of the kiosk's own pages, whatever the view asking.
 */
export function decideSiteOpening(policy: LockdownPolicy, url: string): Verdict {
  if (!URL.canParse(url)) return refuse('not a URL');
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') return refuse(`the ${protocol} scheme is never opened`);
  if (policy.kioskPages.some((prefix) => url.startsWith(prefix))) return refuse("the kiosk's own pages are not a site");
  return decideNavigation(policy, url);
}

/** A new window or tab is never opened: an allowed target opens in the kiosk's one view instead. */
export function decideNewWindow(policy: LockdownPolicy, url: string): 'same-view' | 'deny' {
  return decideNavigation(policy, url).allow ? 'same-view' : 'deny';
}

/** A permission is granted only for the camera and microphone, and only to the profile's media origins. */
export function decidePermission(policy: LockdownPolicy, origin: string, permission: string): boolean {
  return MEDIA_PERMISSIONS.has(permission) && policy.mediaOrigins.includes(origin);
}
const MEDIA_PERMISSIONS = new Set(['media', 'camera', 'microphone', 'videoCapture', 'audioCapture']);

export { isBlockedShortcut, type KeyPress } from '../../common/shortcuts';
