import type { EventEmitter } from 'node:events';
import type { DeviceCommand, DeviceStatus } from '../../common/devices';
import type { Result } from '../../common/result';

export interface DriverEvents<M> {
  /** A decoded, plausible measurement, tagged with the driver's kind. */
  measurement: [measurement: M];
  /** The link's status, emitted when it changes. */
  status: [status: DeviceStatus];
  /** A frame that did not decode, skipped; the reason is for the device's health, never its bytes. */
  malformed: [reason: string];
}

/**
 * What the device manager holds of any device: a driver knows its device's protocol, owns its
 * transport, and says what it measured. Bad frames and implausible values never leave it.
 */
export interface DeviceDriver<M> extends EventEmitter<DriverEvents<M>> {
  readonly status: DeviceStatus;
  /** Opens the line; resolves once the first attempt settled. The transport keeps reconnecting after that. */
  start(): Promise<void>;
  /** Closes the line; idempotent. */
  stop(): Promise<void>;
  /**
   * Does what the host asks for a measurement step. Resolves with an error value a person can act on
   * (the device is offline, the command failed on the wire), never rejects.
   */
  command(command: DeviceCommand): Promise<Result<void>>;
}
