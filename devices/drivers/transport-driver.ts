import { EventEmitter } from 'node:events';
import type { DeviceCommand, DeviceStatus } from '../../common/devices';
import { fail, ok, type Result } from '../../common/result';
import type { DeviceDriver, DriverEvents } from './driver';

/** What a driver needs of its transport, whatever moves on it (bytes on a line, HID reports). */
export interface StatusTransport {
  readonly status: DeviceStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  on(event: 'status', listener: (status: DeviceStatus) => void): unknown;
}

/**
 * What every driver shares: it owns its transport, opens and closes it, forwards its status, and forgets
 * what it half decoded when the link goes away (half a frame, half a scan, from a previous connection, is
 * garbage on the next one). A subclass listens to its transport's data and answers commands.
 */
export abstract class TransportDriver<M, T extends StatusTransport> extends EventEmitter<DriverEvents<M>> implements DeviceDriver<M> {
  constructor(protected readonly transport: T) {
    super();
    transport.on('status', (status) => {
      if (status.state !== 'ready') this.forgetPartialInput();
      this.emit('status', status);
    });
  }

  get status(): DeviceStatus {
    return this.transport.status;
  }

  /** Opens the link; resolves once the first attempt settled. The transport keeps reconnecting after that. */
  start(): Promise<void> {
    return this.transport.open();
  }

  /** Closes the link; idempotent. */
  stop(): Promise<void> {
    return this.transport.close();
  }

  abstract command(command: DeviceCommand): Promise<Result<void>>;
  /** Drops what was half decoded when the link went away. */
  protected abstract forgetPartialInput(): void;
}

/** Whether a device that measures by itself can be armed: its link must be up, or the person is told why not. */
export function readyToMeasure(status: DeviceStatus, deviceName: string): Result<void> {
  if (status.state === 'ready') return ok(undefined);
  return fail(`the ${deviceName} is not ready: ${status.state === 'offline' ? status.reason : 'still connecting'}`);
}
