import type { RendererEvent } from '../../common/bridge';
import type { CardKind } from '../../common/cards';
import type { DeviceHealth, DeviceKind, DeviceStatus, MeasuringKind } from '../../common/devices';
import type { Language } from '../../common/language';
import type { Procedure } from '../../common/procedure-catalog';
import type { SiteTile } from '../../common/sites';
import type { AdminPinView } from '../../common/admin';
import type { AgentHandEvent } from '../assist/hand';
import type { WatchdogEvent } from '../watchdog/watchdog';
import type { DeviceMeasuredEvent, DeviceStatusChangedEvent, MeasuringPhaseEvent } from './measurement-flow';
import type { IdleTimeouts, PresenceEvent } from './presence';
import type { CardEvent } from './guided-visit';
import type { SiteEvent } from './site-step';
import type { VisitData } from './visit';

/*
 * The session machine's settings, events and context (main/session/machine.ts), apart from its states,
 * so the machine file holds the visit's flow and nothing else.
 */

/** The parts of the profile the visit depends on. */
export interface SessionSettings extends IdleTimeouts {
  offeredLanguages: Language[];
  defaultLanguage: Language;
  idleWarningSeconds: number;
  endScreenSeconds: number;
  wipeRetrySeconds: number;
  /** The sites the home screen offers (the profile's labelled allow entries). */
  siteTiles: SiteTile[];
  /** The procedures this kiosk offers (the profile's choice from the catalog), in the catalog's order. */
  procedures: Procedure[];
  /** The procedure whose guide a card read opens (the profile's `cards`, checked against the catalog). */
  cards: Partial<Record<CardKind, string>>;
  /** True while tests may drive the kiosk (--test-cdp-port on a demo or test profile); every screen says so. */
  testAutomation: boolean;
  /** The administrator exit, or null when the profile has none: the hidden gesture then does nothing. */
  admin: { panelIdleSeconds: number; allowExitToDesktop: boolean } | null;
  /** How long a measurement step waits for each kind's reading (common/device-config.ts, `readingTimeoutsOf`). */
  readingTimeoutSeconds: Record<MeasuringKind, number>;
  /** The profile has assisted mode (an agent page that can take the hand); absent or false, views see no hand. */
  assisted?: boolean;
}

/**
 * Maintenance mode, commanded by the host itself (the fleet agent, later). Never from a renderer:
 * the bridge contract excludes them; on screen only the administrator panel turns it on or off.
 */
export type MaintenanceEvent = { type: 'MAINTENANCE.ENTER' } | { type: 'MAINTENANCE.LEAVE' };

/** The fleet's "wipe now": ends a visit under way as the administrator's gesture does, then wipes. Host-raised only. */
export type FleetWipeEvent = { type: 'FLEET.WIPE' };

/** What the administrator did on the panel; the host journals it and acts (restart, exit). */
export type AdminAction = 'maintenance-on' | 'maintenance-off' | 'restart' | 'exit-to-desktop';

/** A run of failed wipes this long latches the kiosk into maintenance: something is broken for good. */
export const WIPE_FAILURES_BEFORE_MAINTENANCE = 3;

/** Events the host raises itself. They never come from a renderer: the bridge contract excludes them. */
export type DeviceEvent =
  | DeviceMeasuredEvent
  | DeviceStatusChangedEvent
  | { type: 'DEVICE.HEALTH_CHANGED'; health: DeviceHealth };

export type SessionEvent =
  RendererEvent | DeviceEvent | MeasuringPhaseEvent | WatchdogEvent | MaintenanceEvent | FleetWipeEvent | SiteEvent | PresenceEvent | CardEvent | AgentHandEvent;

export interface SessionContext extends VisitData {
  settings: SessionSettings;
  devices: Partial<Record<DeviceKind, DeviceStatus>>;
  /** Each device's health, for staff (admin panel, agent view); the citizen's screens use `devices`. */
  deviceHealth: Partial<Record<DeviceKind, DeviceHealth>>;
  /** Why the last wipe failed; the kiosk stays out of service until a wipe succeeds. */
  wipeFailure: string | null;
  /**
   * Maintenance mode is on (an administrator or the fleet asked, the watchdog gave up, or wipes kept
   * failing): after the wipe the kiosk stays out of service until an administrator turns it off.
   */
  outOfOrder: boolean;
  /** Wipes failed in a row; WIPE_FAILURES_BEFORE_MAINTENANCE of them latch maintenance mode. */
  wipeFailures: number;
  /** The gesture came during a visit: the PIN screen opens once the visit is wiped. */
  adminRequested: boolean;
  /** The PIN screen's state; the PIN itself is never kept. */
  adminPin: AdminPinView;
}
