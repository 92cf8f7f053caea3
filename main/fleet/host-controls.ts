import type { DeviceHealth } from '../../common/devices';
import type { z } from 'zod';
import type { VisitStateSchema } from '../../common/fleet-messages';

export type VisitState = z.infer<typeof VisitStateSchema>;
import type { Result } from '../../common/result';

/** What the host knows of itself that the fleet sees: nothing personal, states and counts only. */
export interface KioskFacts {
  visit: VisitState;
  devices: DeviceHealth[];
  /** The last end-of-visit wipe failed. */
  wipeFailed: boolean;
  /** Times the kiosk page failed (crashed, hung) and was reloaded in the last hour. */
  restartsLastHour: number;
  /** The latest fault the host noticed, as a reason; null when there was none since the start. */
  lastError: { message: string; at: string } | null;
}

/**
 * The host's side of the fleet agent: the agent decides what to do and when, the host does it. The host
 * implements it once (main/fleet/host-glue.ts); tests hand the agent a fake. Commands answer with a
 * result, never a throw; an `ok` means the act is done or, for a restart or a reboot, under way.
 */
export interface FleetHostControls {
  facts(): KioskFacts;
  /** Calls `listener` when a fact changes (a device's health, the visit state); returns what stops it. */
  onChange(listener: () => void): () => void;
  /** Restarts the kiosk application (shell, devices, session) in this process. */
  restartApp(): Promise<Result<void>>;
  /** Reboots the machine through the configured system command. */
  reboot(): Promise<Result<void>>;
  /** Maintenance mode on or off; a visit under way ends first, as when an administrator asks. */
  maintenance(on: boolean): Promise<Result<void>>;
  /** Wipes now: between visits at once, or after ending the visit under way. Resolves once the wipe is proven, or failed. */
  wipeNow(): Promise<Result<void>>;
  /** A PNG of what the kiosk's screen shows (between visits only: a visit's screen is personal). */
  screenshot(): Promise<Result<Buffer>>;
  /** A bundle of the host's non-personal records (JSON), for a technician. */
  collectLogs(): Promise<Result<Buffer>>;
  /** The fleet profile in the state folder changed: the host takes it at the next moment without a visit. */
  applyProfile(): Promise<Result<void>>;
}
