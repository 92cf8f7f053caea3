import type { PrinterCondition } from '../../common/devices';
import { fail, ok, type Result } from '../../common/result';
import {
  decodeErrorCause, decodeOfflineCause, decodePaperSensor, decodePrinterStatus, statusRequest, type StatusRequest,
} from '../codecs/escpos-status';
import { durationWords } from '../duration-words';
import type { ByteTransport } from '../transports/byte-transport';

/** What one round of real-time status requests found. */
export interface PrinterReport {
  condition: PrinterCondition;
  /** Why the printer cannot print now, in words a person can act on; null when it can. */
  blocker: string | null;
}

interface Pending {
  settle(answer: Result<number>): void;
}

/**
 * Asks an ESC/POS printer for its real-time status (`DLE EOT n`) over a byte line and reads the one-byte
 * answers. One request at a time, so each answer belongs to the request before it; a byte nobody asked
 * for, or an answer without the fixed bits of a status byte, is reported through `malformed` and never
 * read as a status. A request not answered within `answerTimeoutMs` fails: the printer is away, or the
 * peer is not a printer.
 */
export class StatusReader {
  private pending: Pending | undefined;

  constructor(
    private readonly transport: ByteTransport,
    private readonly answerTimeoutMs: number,
    private readonly malformed: (reason: string) => void,
  ) {}

  /** Bytes from the printer, in order. */
  receive(chunk: Uint8Array): void {
    let unasked = 0;
    for (const byte of chunk) {
      const pending = this.pending;
      if (!pending) unasked++;
      else {
        this.pending = undefined;
        pending.settle(ok(byte));
      }
    }
    if (unasked > 0) this.malformed(`${unasked} byte(s) the printer sent unasked`);
  }

  /** The line went away: the request under way fails. */
  abandon(reason: string): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.settle(fail(reason));
  }

  /** One round: printer, offline cause, paper sensor, and the error cause when there is an error. */
  async read(): Promise<Result<PrinterReport>> {
    const printer = await this.ask('printer', decodePrinterStatus);
    if (!printer.ok) return printer;
    const offline = await this.ask('offlineCause', decodeOfflineCause);
    if (!offline.ok) return offline;
    const paper = await this.ask('paperSensor', decodePaperSensor);
    if (!paper.ok) return paper;
    const error = offline.value.error ? await this.ask('errorCause', decodeErrorCause) : ok(null);
    if (!error.ok) return error;
    const condition: PrinterCondition = {
      paper: paper.value.paperOut ? 'out' : paper.value.paperNearEnd ? 'near-end' : 'ok',
      cover: offline.value.coverOpen ? 'open' : 'closed',
    };
    return ok({ condition, blocker: blockerOf(printer.value.offline, offline.value, paper.value.paperOut, error.value) });
  }

  private async ask<T>(request: StatusRequest, decode: (byte: number) => Result<T>): Promise<Result<T>> {
    if (this.pending) return fail('a status request is already under way');
    const answer = new Promise<Result<number>>((resolve) => {
      const entry: Pending = { settle: (result) => { clearTimeout(timer); resolve(result); } };
      const timer = setTimeout(() => {
        if (this.pending === entry) this.pending = undefined;
        resolve(fail(`the printer does not answer status requests (nothing within ${durationWords(this.answerTimeoutMs)}): is it an ESC/POS printer, and switched on?`));
      }, this.answerTimeoutMs);
      this.pending = entry;
    });
    const written = await this.transport.write(statusRequest(request));
    if (!written.ok) this.abandon(written.error);
    const byte = await answer;
    if (!byte.ok) return byte;
    const decoded = decode(byte.value);
    if (!decoded.ok) this.malformed(decoded.error);
    return decoded;
  }
}

/** The first thing in the way of printing, as a person at the printer would fix it. */
function blockerOf(
  offline: boolean,
  cause: { coverOpen: boolean; stoppedByPaperEnd: boolean; error: boolean; paperFeedButton: boolean },
  paperOut: boolean,
  error: { autocutterError: boolean; unrecoverableError: boolean; autoRecoverableError: boolean } | null,
): string | null {
  if (cause.coverOpen) return 'the printer cover is open: close it';
  if (paperOut || cause.stoppedByPaperEnd) return 'the printer is out of paper: load a new roll';
  if (error?.autocutterError) return 'the printer cutter is jammed: open the cover, free the paper, close it';
  if (error?.unrecoverableError) return 'the printer reports an error it cannot recover from: switch it off and on';
  if (error?.autoRecoverableError) return 'the printer is recovering from an error (print head too hot?): it goes on by itself';
  if (cause.error) return 'the printer reports an error';
  // Feeding paper with the button takes the printer offline for a moment, and is no fault.
  if (offline && !cause.paperFeedButton) return 'the printer is offline';
  return null;
}
