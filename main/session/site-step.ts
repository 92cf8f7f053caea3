import type { CallKind, SiteTile } from '../../common/sites';

/**
 * An official site open during a visit. The machine keeps its first page to hand to the shell; views
 * are sent its origin only, since the address of a later page may name the person (a case number).
 */
export interface OpenSite {
  url: string;
  origin: string;
  /** A video call's site: inactivity never ends the visit while it shows. */
  call: CallKind | null;
  /** The browser could not reach it: the kiosk page says so, with a way back. */
  unreachable: boolean;
}

/** Events the host raises about the open site; they never come from a renderer (the bridge contract excludes them). */
export type SiteEvent = { type: 'SITE.UNREACHABLE' };

/**
 * The step's state for a URL the host has already checked against the lockdown policy; a video call
 * when it is the page of one of the home screen's call tiles.
 */
export function openedSite(url: string, tiles: readonly SiteTile[] = []): OpenSite {
  return { url, origin: new URL(url).origin, unreachable: false, call: tiles.find((tile) => tile.url === url)?.call ?? null };
}
