import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../common/devices';
import type { DriverEvents } from './driver';

/** What a driver needs of any transport: its status, and opening and closing it. */
interface OpenableTransport {
  readonly status: DeviceStatus;
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What every driver shares, whatever its transport (a byte line, PC/SC): it owns the transport, its
 * status is the transport's, and starting and stopping it is opening and closing the transport.
 */
export abstract class TransportDriver<M, T extends OpenableTransport> extends EventEmitter<DriverEvents<M>> {
  constructor(protected readonly transport: T) {
    super();
  }

  get status(): DeviceStatus {
    return this.transport.status;
  }

  /** Opens the transport; resolves once the first attempt settled. The transport keeps reconnecting after that. */
  start(): Promise<void> {
    return this.transport.open();
  }

  /** Closes the transport; idempotent. */
  stop(): Promise<void> {
    return this.transport.close();
  }
}
