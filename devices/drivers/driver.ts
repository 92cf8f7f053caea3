import type { EventEmitter } from 'node:events';
import type { CardPresence } from '../../common/cards';
import type { BadgeScan } from '../../common/badge';
import type { DeviceCommand, DeviceStatus, PrinterCondition } from '../../common/devices';
import type { PrintJob, Receipt } from '../../common/print-job';
import type { Result } from '../../common/result';

export interface DriverEvents<M> {
  /** A decoded, plausible measurement, tagged with the driver's kind. */
  measurement: [measurement: M];
  /** The link's status, emitted when it changes. */
  status: [status: DeviceStatus];
  /** A frame that did not decode, skipped; the reason is for the device's health, never its bytes. */
  malformed: [reason: string];
  /** Printers: a print job changed state (common/print-job.ts). */
  job: [job: PrintJob];
  /** Printers: what the printer says of its paper and cover, when it changes. */
  printer: [condition: PrinterCondition];
  /** Card readers: a card came in (with its kind only) or went out. */
  card: [presence: CardPresence];
  /** A fault on the wire that loses nothing but should show in the device's health (a card pulled mid-exchange). */
  fault: [reason: string];
  /** Badge readers: a badge was read; it carries an opaque id, never the badge's number (common/badge.ts). */
  badge: [scan: BadgeScan];
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

/**
 * A driver that prints. `print` queues a receipt and answers its job at once (or why it cannot take it:
 * characters the printer cannot print, a queue already full); the job's next states come as `job`
 * events. `cancelJob` gives up one job. `dropPendingJobs` fails every job not finished and releases its receipt; `pendingJobs` then
 * proves none is left.
 */
export interface PrintingDriver extends DeviceDriver<never> {
  print(receipt: Receipt): Result<PrintJob>;
  /** Fails the job `id` with `reason` if it is not finished yet; false when it is not waiting. */
  cancelJob(id: string, reason: string): boolean;
  dropPendingJobs(reason: string): number;
  pendingJobs(): PrintJob[];
  /**
   * Printers whose jobs also live on a print server (CUPS): cancels there what was dropped here, and
   * answers the jobs it may still print, with why. Printers that hold nothing elsewhere leave it out.
   */
  confirmDropped?(): Promise<string[]>;
}

/** A driver that tells cards: the kind of the card in the reader now, null when none is (or not recognised yet). */
export interface CardReadingDriver extends DeviceDriver<never> {
  readonly cardInReader: CardPresence & { type: 'inserted' } | null;
}

export const isCardReadingDriver = (driver: DeviceDriver<unknown>): driver is CardReadingDriver => 'cardInReader' in driver;

export const isPrintingDriver = (driver: DeviceDriver<unknown>): driver is PrintingDriver => 'print' in driver;
