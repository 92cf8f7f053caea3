import type { EventEmitter } from 'node:events';
import type { DeviceStatus } from '../../common/devices';
import type { Result } from '../../common/result';

export interface SmartCardTransportEvents {
  /** `ready` while the reader is there; `offline` (absent) without pcscd or without the reader. Only on change. */
  status: [status: DeviceStatus];
  /** A card was put in the reader and powered; its ATR. */
  cardInserted: [atr: Uint8Array];
  /** The card in the reader was taken out (or the reader went away with it). */
  cardRemoved: [];
}

/**
 * One smart-card reader as PC/SC shows it (pcscd, or an in-memory fake). A driver recognises cards over
 * it and cannot tell which implementation it holds.
 *
 * - `open()` connects to pcscd and watches for the reader; when pcscd is not there or goes away the status
 *   goes `offline` with `absent` and a reason a technician can act on, and the transport retries by itself.
 *   Resolves once the first attempt has settled; never rejects. Does nothing if already open.
 * - `close()` lets go of the card and of pcscd, reports `offline` with reason `closed`; idempotent.
 * - `transmit()` sends one command APDU to the card and resolves with its whole response (data and status
 *   word), or with an error value when there is no card, when it was removed mid-exchange or the reader
 *   went: never rejects, never queued for a later card.
 * - A card already in the reader when it appears is reported as inserted.
 */
export interface SmartCardTransport extends EventEmitter<SmartCardTransportEvents> {
  readonly status: DeviceStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  transmit(apdu: Uint8Array): Promise<Result<Uint8Array>>;
}
