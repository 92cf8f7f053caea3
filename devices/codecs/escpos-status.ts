import { fail, ok, type Result } from '../../common/result';

/**
 * ESC/POS real-time status, `DLE EOT n` (`10 04 n`). The printer answers at once with one byte, even
 * offline or out of paper, ahead of anything queued. In every answer bit 1 and bit 4 are set and bits 0
 * and 7 are clear (Epson ESC/POS reference), so a byte without that pattern is not a status answer (line
 * noise, a byte of another reply) and is refused rather than read.
 */
export type StatusRequest = 'printer' | 'offlineCause' | 'errorCause' | 'paperSensor';
const REQUEST_NUMBERS: Readonly<Record<StatusRequest, number>> = {
  printer: 1, offlineCause: 2, errorCause: 3, paperSensor: 4,
};

/** `DLE EOT n`: asks for one status byte. */
export const statusRequest = (request: StatusRequest): Uint8Array =>
  Uint8Array.of(0x10, 0x04, REQUEST_NUMBERS[request]);

/** n = 1. */
export interface PrinterStatus {
  offline: boolean;
  /** The paper feed button is held down. */
  paperFeedButton: boolean;
}
/** n = 2: why the printer is offline. */
export interface OfflineCause {
  coverOpen: boolean;
  /** Paper is being fed with the paper feed button. */
  paperFeedButton: boolean;
  /** Printing stopped because the paper ran out. */
  stoppedByPaperEnd: boolean;
  error: boolean;
}
/** n = 3: which error. */
export interface ErrorCause {
  autocutterError: boolean;
  /** Needs a power cycle or a repair. */
  unrecoverableError: boolean;
  /** Clears by itself, such as an overheated print head. */
  autoRecoverableError: boolean;
}
/** n = 4: the roll paper sensors. */
export interface PaperSensor {
  paperNearEnd: boolean;
  paperOut: boolean;
}

const FIXED_MASK = 0x93;
const FIXED_BITS = 0x12;
const bit = (byte: number, index: number): boolean => ((byte >> index) & 1) === 1;

function checkAnswer(byte: number, request: StatusRequest): Result<number> {
  if (!Number.isInteger(byte) || byte < 0 || byte > 0xff) return fail(`ESC/POS ${request} status: ${byte} is not a byte`);
  if ((byte & FIXED_MASK) !== FIXED_BITS) {
    return fail(`ESC/POS ${request} status: 0x${byte.toString(16).padStart(2, '0')} lacks the fixed bits of a status byte`);
  }
  return ok(byte);
}

/** Reads the answer to `DLE EOT 1`. */
export function decodePrinterStatus(byte: number): Result<PrinterStatus> {
  const answer = checkAnswer(byte, 'printer');
  return answer.ok ? ok({ offline: bit(byte, 3), paperFeedButton: bit(byte, 6) }) : answer;
}

/** Reads the answer to `DLE EOT 2`. */
export function decodeOfflineCause(byte: number): Result<OfflineCause> {
  const answer = checkAnswer(byte, 'offlineCause');
  return answer.ok
    ? ok({ coverOpen: bit(byte, 2), paperFeedButton: bit(byte, 3), stoppedByPaperEnd: bit(byte, 5), error: bit(byte, 6) })
    : answer;
}

/** Reads the answer to `DLE EOT 3`. */
export function decodeErrorCause(byte: number): Result<ErrorCause> {
  const answer = checkAnswer(byte, 'errorCause');
  return answer.ok
    ? ok({ autocutterError: bit(byte, 3), unrecoverableError: bit(byte, 5), autoRecoverableError: bit(byte, 6) })
    : answer;
}

/**
 * Reads the answer to `DLE EOT 4`. Each state has two bits (2–3 near end, 5–6 out); printers with one
 * sensor set only one of them, so either bit counts.
 */
export function decodePaperSensor(byte: number): Result<PaperSensor> {
  const answer = checkAnswer(byte, 'paperSensor');
  return answer.ok ? ok({ paperNearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 }) : answer;
}

/** What a printer answers to each request, for the simulator: the fixed bits plus the flags set. */
export const encodePrinterStatus = (status: PrinterStatus): number =>
  FIXED_BITS | (status.offline ? 0x08 : 0) | (status.paperFeedButton ? 0x40 : 0);
export const encodeOfflineCause = (cause: OfflineCause): number =>
  FIXED_BITS | (cause.coverOpen ? 0x04 : 0) | (cause.paperFeedButton ? 0x08 : 0)
  | (cause.stoppedByPaperEnd ? 0x20 : 0) | (cause.error ? 0x40 : 0);
export const encodeErrorCause = (cause: ErrorCause): number =>
  FIXED_BITS | (cause.autocutterError ? 0x08 : 0) | (cause.unrecoverableError ? 0x20 : 0)
  | (cause.autoRecoverableError ? 0x40 : 0);
export const encodePaperSensor = (sensor: PaperSensor): number =>
  FIXED_BITS | (sensor.paperNearEnd ? 0x0c : 0) | (sensor.paperOut ? 0x60 : 0);
