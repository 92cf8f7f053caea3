/**
 * An official site open during a visit. The machine keeps its first page to hand to the shell; views
 * are sent its origin only, since the address of a later page may name the person (a case number).
 */
export interface OpenSite {
  url: string;
  origin: string;
  /** The browser could not reach it: the kiosk page says so, with a way back. */
  unreachable: boolean;
}

/** Events the host raises about the open site; they never come from a renderer (the bridge contract excludes them). */
export type SiteEvent = { type: 'SITE.UNREACHABLE' };

/** The step's state for a URL the host has already checked against the lockdown policy. */
export function openedSite(url: string): OpenSite {
  return { url, origin: new URL(url).origin, unreachable: false };
}
