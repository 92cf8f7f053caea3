import { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../common/devices';
import type { Result } from '../../common/result';

export interface ByteTransportEvents {
  /** Bytes in arrival order. Chunk boundaries mean nothing: a frame may span chunks. */
  data: [chunk: Uint8Array];
  /** The link's status, emitted only when it changes. */
  status: [status: DeviceStatus];
}

/**
 * How bytes move to and from one device (serial line, pty, in-memory fake). A driver speaks the device's
 * protocol over it and cannot tell which implementation it holds.
 *
 * - `open()` starts connecting and keeps the link up until `close()`: when the line cannot be opened or
 *   drops, the status goes `offline` with a reason a technician can act on, and the transport retries by
 *   itself. Resolves once the first attempt has settled (`ready` or `offline`); never rejects.
 *   Does nothing if already open.
 * - `close()` cancels pending retries, releases the line, reports `offline` with reason `closed`, and
 *   resolves once the line is released. Idempotent; a closed transport may be opened again.
 * - `write()` resolves once the bytes are handed to the OS, or with an error value when the link is not
 *   `ready` (never queued for later: a stale command is worse than a failed one).
 * - No `data` is emitted while the link is not `ready`.
 */
export interface ByteTransport extends EventEmitter<ByteTransportEvents> {
  readonly status: DeviceStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  write(bytes: Uint8Array): Promise<Result<void>>;
}

/** The status of a transport that is not open, before `open()` and after `close()`. */
export const CLOSED: DeviceStatus = { state: 'offline', reason: 'closed' };

/** What every transport emits besides its data: byte lines (here) and HID report streams (hid-transport.ts). */
export interface StatusEvents {
  status: [status: DeviceStatus];
}

/** Holds the status and emits it only on change, the one place the transports implement that promise. */
export abstract class StatusHolder<E extends StatusEvents & Record<keyof E, unknown[]> = ByteTransportEvents> extends EventEmitter<E> {
  private current: DeviceStatus = CLOSED;

  get status(): DeviceStatus {
    return this.current;
  }

  protected setStatus(next: DeviceStatus): void {
    const reasonOf = (s: DeviceStatus): string | undefined => (s.state === 'offline' ? `${s.reason}${s.absent ? ' (absent)' : ''}` : undefined);
    if (next.state === this.current.state && reasonOf(next) === reasonOf(this.current)) return;
    this.current = next;
    // EventEmitter<E> cannot see that every E has `status`; the constraint on E guarantees it.
    (this as EventEmitter<StatusEvents>).emit('status', next);
  }
}
