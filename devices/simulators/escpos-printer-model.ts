import {
  encodeErrorCause, encodeOfflineCause, encodePaperSensor, encodePrinterStatus,
} from '../codecs/escpos-status';
import { CODE_PAGE_HIGH_HALVES, type CodePage } from '../codecs/escpos-text';

export type PaperSupply = 'ok' | 'near-end' | 'out';

/** One printed line as the simulator read it back. */
export interface PrintedLine {
  text: string;
  bold: boolean;
  centred: boolean;
  double: boolean;
}

/** Lines of paper left when the near-end sensor trips, on a roll given a length. */
const NEAR_END_LINES = 10;
/** What the printer holds unprinted before it stops taking bytes (a real one has a few kilobytes). */
export const PRINT_BUFFER_BYTES = 64 * 1024;

const DLE = 0x10, EOT = 0x04, ESC = 0x1b, GS = 0x1d, LF = 0x0a;
const CODE_PAGES_BY_NUMBER: Readonly<Record<number, CodePage>> = { 2: 'pc850', 19: 'pc858' };

/**
 * An ESC/POS receipt printer as its interface sees it: bytes in, real-time status bytes out, and a
 * roll of paper. Real-time requests (`DLE EOT n`) are answered as soon as they arrive, with the same
 * bits a printer sends; print data waits in the print buffer and is printed while there is paper and
 * the cover is closed. When the roll ends mid-job the printer stops and keeps the rest, and prints it
 * once paper is loaded, as Epson-compatible printers do. Pure: no I/O, no clock; the TCP and serial
 * simulators carry its bytes.
 */
export class EscPosPrinterModel {
  paper: PaperSupply = 'ok';
  coverOpen = false;
  /** Commands the model does not know, counted, skipped: what the driver sends should all be known. */
  unknownCommands = 0;
  private linesLeft: number | undefined;
  private buffer: number[] = [];
  private pendingRealtime: number[] = [];
  private garbledAnswers = 0;
  private readonly receipts: PrintedLine[][] = [[]];
  private line = '';
  private mode = { bold: false, centred: false, double: false, page: 'pc850' as CodePage | undefined };

  /**
   * `keptReceipts`: how many cut receipts are kept to be read back. Tests read them; the kiosk's own
   * simulator keeps none, as a visit's receipt would otherwise stay in the host's memory after its wipe.
   */
  constructor(private readonly options: { keptReceipts?: number } = {}) {}

  /** Bytes from the host; answers what the printer sends back. */
  receive(bytes: Uint8Array): Uint8Array {
    const answers: number[] = [];
    for (const byte of bytes) {
      // A real-time request is taken out of the stream wherever it is, as the printer does on reception.
      if (this.pendingRealtime.length > 0 || byte === DLE) {
        this.pendingRealtime.push(byte);
        if (this.pendingRealtime.length === 2 && byte !== EOT) this.flushRealtime();
        if (this.pendingRealtime.length === 3) {
          this.print(); // what came before the request is printed first: the printer is faster than its line
          answers.push(this.answer(this.pendingRealtime[2]!));
          this.pendingRealtime = [];
        }
        continue;
      }
      this.buffer.push(byte);
    }
    this.print();
    return Uint8Array.from(answers);
  }

  /** Bytes received and not printed yet (out of paper, cover open). */
  get buffered(): number {
    return this.buffer.length;
  }

  /** The receipts printed so far (the last `keptReceipts`), each closed by a cut; the last one may still be open. */
  printed(): PrintedLine[][] {
    const closed = this.receipts.slice(0, -1);
    const open = this.receipts.at(-1)!;
    return [...closed, ...(open.length > 0 ? [open] : [])].map((lines) => [...lines]);
  }

  /** The paper runs out after `lines` more lines (near end for the last ten); undefined: a roll without end. */
  setRollLength(lines: number | undefined): void {
    this.setLinesLeft(lines);
    this.print();
  }

  /** A new roll (endless unless `setRollLength` says otherwise): printing goes on with what was held. */
  loadPaper(): void {
    this.linesLeft = undefined;
    this.paper = 'ok';
    this.print();
  }

  setPaper(paper: PaperSupply): void {
    this.paper = paper;
    if (paper !== 'out') this.print();
  }

  setCoverOpen(open: boolean): void {
    this.coverOpen = open;
    this.print();
  }

  /** The next `count` status answers are noise (a byte without the fixed bits of a status). */
  garbleAnswers(count: number): void {
    this.garbledAnswers = count;
  }

  /** Switched off and on: what the printer held unprinted is lost, modes are back to their defaults. */
  powerCycle(): void {
    this.buffer = [];
    this.pendingRealtime = [];
    this.initialize();
  }

  private setLinesLeft(lines: number | undefined): void {
    this.linesLeft = lines;
    if (lines !== undefined) this.paper = lines === 0 ? 'out' : lines <= NEAR_END_LINES ? 'near-end' : 'ok';
  }

  private flushRealtime(): void {
    this.buffer.push(...this.pendingRealtime);
    this.pendingRealtime = [];
  }

  private answer(request: number): number {
    if (this.garbledAnswers > 0) {
      this.garbledAnswers--;
      return 0xff;
    }
    const out = this.paper === 'out';
    switch (request) {
      case 1: return encodePrinterStatus({ offline: out || this.coverOpen, paperFeedButton: false });
      case 2: return encodeOfflineCause({ coverOpen: this.coverOpen, paperFeedButton: false, stoppedByPaperEnd: out, error: false });
      case 3: return encodeErrorCause({ autocutterError: false, unrecoverableError: false, autoRecoverableError: false });
      // A roll that ran out also trips the near-end sensor, which sits before the end.
      default: return encodePaperSensor({ paperNearEnd: this.paper !== 'ok', paperOut: out });
    }
  }

  /** Prints from the buffer while it can; a command cut short waits for the rest of its bytes. */
  private print(): void {
    while (this.buffer.length > 0 && this.paper !== 'out' && !this.coverOpen) {
      const length = this.execute();
      if (length === 0) return;
      this.buffer.splice(0, length);
    }
  }

  /** Executes the command at the head of the buffer; answers its length, or 0 when it is not all there. */
  private execute(): number {
    const [first, second, third] = this.buffer;
    const need = (length: number, run: () => void): number => {
      if (this.buffer.length < length) return 0;
      run();
      return length;
    };
    if (first === LF) return need(1, () => this.feed(1));
    if (first === ESC) {
      switch (second) {
        case undefined: return 0;
        case 0x40: return need(2, () => this.initialize());
        case 0x45: return need(3, () => (this.mode.bold = (third! & 1) === 1));
        case 0x61: return need(3, () => (this.mode.centred = third === 1 || third === 0x31));
        case 0x74: return need(3, () => (this.mode.page = CODE_PAGES_BY_NUMBER[third!]));
        case 0x64: return need(3, () => this.feed(Math.max(third!, 1)));
        default: return need(2, () => this.unknownCommands++);
      }
    }
    if (first === GS) {
      if (second === 0x21) return need(3, () => (this.mode.double = third !== 0));
      if (second === 0x56) return need(third === 0x41 || third === 0x42 ? 4 : 3, () => this.cut());
      return second === undefined ? 0 : need(2, () => this.unknownCommands++);
    }
    return need(1, () => this.character(first!));
  }

  private character(byte: number): void {
    if (byte < 0x20 || byte === 0x7f) {
      this.unknownCommands++;
      return;
    }
    const high = this.mode.page ? CODE_PAGE_HIGH_HALVES[this.mode.page][byte - 0x80] : undefined;
    this.line += byte < 0x80 ? String.fromCharCode(byte) : high ?? '?';
  }

  /** Prints the line and feeds `lines` (the first one carries the text, the others are blank). */
  private feed(lines: number): void {
    for (let i = 0; i < lines; i++) {
      const { bold, centred, double } = this.mode;
      this.receipts.at(-1)!.push({ text: i === 0 ? this.line : '', bold, centred, double });
      if (this.linesLeft !== undefined) this.setLinesLeft(Math.max(0, this.linesLeft - 1));
    }
    this.line = '';
  }

  private cut(): void {
    if (this.line !== '') this.feed(1);
    this.receipts.push([]);
    while (this.receipts.length > (this.options.keptReceipts ?? 50) + 1) this.receipts.shift();
  }

  /** `ESC @`: the line being built is dropped, the modes are back to their defaults. */
  private initialize(): void {
    this.line = '';
    this.mode = { bold: false, centred: false, double: false, page: 'pc850' };
  }
}
