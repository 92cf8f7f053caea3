import type { Disposer } from '../../common/disposables';
import type { Language } from '../../common/language';
import type { DisplayPreferences } from '../../common/accessibility';
import type { LockdownConfig, SiteScope } from '../../common/lockdown-config';
import type { SiteBarSignal, SiteBarState } from './site-bar/bar-script';
import type { BridgeHub } from '../bridge/hub';
import type { Logger } from '../log';

export const SHELL_NAMES = ['electron', 'chromium'] as const;
export type ShellName = (typeof SHELL_NAMES)[number];

export interface ShellStartOptions {
  hub: BridgeHub;
  /** Folder holding the built renderer (index.html and its assets). */
  rendererDir: string;
  log: Logger;
  /**
   * Test-only: expose the DevTools protocol on 127.0.0.1 at this port (0 picks a free one).
   * The host only passes it when the profile allows test automation.
   */
  testCdpPort?: number;
  /** The profile's lockdown section; each shell adds its own kiosk pages to make the policy. */
  lockdown: LockdownConfig;
  /**
   * Called when the page's renderer process dies, or the whole browser (which is relaunched whatever the
   * answer); answers whether to reload the page (the watchdog's decision: it stops reloading a page that
   * keeps failing). Without it the shell always reloads.
   */
  onViewCrashed?: () => boolean;
  /** What happened on an open site: the bar's buttons and activity, the person going back past its first page, a page that could not be reached. */
  onSiteSignal?: (signal: SiteSignal) => void;
  /**
   * The official site shown in place of the kiosk page painted something: the watchdog's sign of life
   * while the kiosk page, and its heartbeat, are away. A site that stops painting, hangs or stays blank
   * sends none, and is then recovered from like a hung kiosk page (`reloadHungView`).
   */
  onSitePainted?: () => void;
}

/** Where a kiosk's update feed is and the credential that opens it. */
export interface UpdateFeed {
  url: string;
  credential: string;
}

/** `left`: the kiosk page came back without the host asking (history.back past the site's first page). */
export type SiteSignal = Exclude<SiteBarSignal, 'ready'> | 'left' | 'unreachable';

/** A site to show during a visit; the host has checked its URL against the lockdown policy. */
export interface SiteToShow {
  url: string;
  /** The bar speaks the visit's language. */
  language: Language;
  /** The bar follows the visit's text size and contrast; standard when absent. */
  display?: DisplayPreferences;
  /**
   * A guided procedure's own official sites (its catalog entry's `allow`), reachable besides the
   * profile's `lockdown.allow` while this site shows, and no longer after; empty for a profile's tile.
   */
  allow: readonly SiteScope[];
}

/** What clearing the browser's stores found afterwards; `leftovers` must be empty for the wipe to pass. */
export interface BrowsingWipeReport {
  cleared: string[];
  leftovers: string[];
}

/**
 * A shell shows the renderer full screen and connects it to the host's bridge. Both shells take
 * their decisions from the same host; only this glue differs.
 */
export interface KioskShell {
  readonly name: ShellName;
  /** Opens the kiosk window and attaches it to the hub. Resolves once the page has loaded. */
  start(options: ShellStartOptions): Promise<void>;
  /** Clears cookies, storage and caches of every origin the visit touched, then checks they are empty. */
  wipeBrowsingData(): Promise<BrowsingWipeReport>;
  /**
   * Reloads a page whose main thread stopped answering (the watchdog heard no heartbeat). Optional: a
   * shell without it is not watched for hangs. A wipe that starts meanwhile waits for the fresh page.
   */
  reloadHungView?(): void;
  /** Shows an official site in the kiosk's view, under Borne's bar. Optional: a shell without it offers no sites. */
  showSite?(site: SiteToShow): Promise<void>;
  /** Shows the visit's inactivity countdown and who has the hand in Borne's bar over the open site, since the kiosk page is away. */
  updateSiteBar?(state: SiteBarState): void;
  /** Brings the kiosk page back in place of the site; does nothing when the kiosk page shows already. */
  leaveSite?(): Promise<void>;
  /** True while an official site shows in place of the kiosk page (the watchdog then times the site's paint). */
  showingSite?(): boolean;
  /**
   * A PNG of what the kiosk's window shows, for the fleet's screenshot command. The host asks only when
   * no visit is on (a visit's screen is personal). Optional: a shell without it answers no screenshot.
   */
  capture?(): Promise<Buffer>;
  /**
   * Installs the software the fleet offers (docs/fleet-updates.md), between visits only; answers what stops
   * watching. Absent where the system installs Borne (the Chromium shell: the package manager updates it).
   */
  watchSoftwareUpdates?(feed: UpdateFeed, betweenVisits: (act: () => void) => void, log: Logger): Promise<Disposer>;
  /** Closes the window and everything the shell started. Safe to call twice. */
  stop(): Promise<void>;
}
