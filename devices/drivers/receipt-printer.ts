import { EventEmitter } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import { UNKNOWN_PRINTER_CONDITION, type DeviceStatus, type PrinterCondition } from '../../common/devices';
import type { PrintJob, Receipt } from '../../common/print-job';
import { fail, type Result } from '../../common/result';
import { encodeReceipt } from '../codecs/escpos-receipt';
import type { CodePage } from '../codecs/escpos-text';
import type { DeviceLogger } from '../logger';
import type { ByteTransport } from '../transports/byte-transport';
import type { DriverEvents, PrintingDriver } from './driver';
import { logPrintJob } from './print-job-log';
import { PrintQueue } from './print-queue';
import { StatusReader } from './printer-status';

export interface ReceiptPrinterOptions {
  codePage: CodePage;
  /** How often an idle printer is asked for its status. */
  statusEveryMs: number;
  /** How long jobs may wait for a printer that cannot print before they fail. */
  jobWaitMs: number;
  /** A status request not answered within this fails (the printer is away, or not a printer). */
  answerTimeoutMs?: number;
  /** Lines written between two status checks: what a printer holds unprinted when its paper runs out. */
  linesPerChunk?: number;
  maxJobs?: number;
  now?: () => number;
}

/**
 * A receipt printer speaking ESC/POS over any byte line (TCP port 9100, serial). One loop talks to it:
 * it asks the printer's real-time status (`DLE EOT` 1, 2, 4, and 3 on an error) every `statusEveryMs`
 * and before every few lines of a job, and writes the next lines only while the printer says it can
 * print. So a job stops within a few lines when the paper runs out or the cover opens, waits, and goes
 * on from there when the printer can print again (the printer prints the lines it still held); after
 * the line drops, it starts again from its beginning. docs/devices.md tells the whole design.
 */
export class ReceiptPrinterDriver extends EventEmitter<DriverEvents<never>> implements PrintingDriver {
  private readonly reader: StatusReader;
  private readonly queue: PrintQueue;
  private condition: PrinterCondition = UNKNOWN_PRINTER_CONDITION;
  /** What the printer last said keeps it from printing; undefined until it has answered on this connection. */
  private blocker: string | null | undefined;
  private lastStatus: DeviceStatus;
  /** Counts the line's drops, so that a write that straddles one is not counted as sent. */
  private connection = 0;
  private running: Promise<void> | undefined;
  private started = false;
  private woken = false;
  private wake: () => void = () => {};

  constructor(private readonly transport: ByteTransport, private readonly logger: DeviceLogger, private readonly options: ReceiptPrinterOptions) {
    super();
    this.lastStatus = this.status;
    this.reader = new StatusReader(transport, options.answerTimeoutMs ?? 1_000, (reason) => {
      this.logger.warn({ device: 'receiptPrinter', reason }, 'bad status byte skipped');
      this.emit('malformed', reason);
    });
    this.queue = new PrintQueue({
      changed: (job) => this.jobChanged(job),
      maxJobs: options.maxJobs ?? 20,
      stallLimitMs: options.jobWaitMs,
      now: options.now,
    });
    transport.on('data', (chunk) => this.reader.receive(chunk));
    transport.on('status', (status) => {
      if (status.state !== 'ready') {
        this.connection++;
        this.reader.abandon(status.state === 'offline' ? status.reason : 'the line is connecting');
        this.queue.lineLost();
      }
      // Until the printer answers on this connection, nothing is known of it.
      this.report(undefined, UNKNOWN_PRINTER_CONDITION);
      this.poke();
    });
  }

  /** The line's status, or `offline` with what keeps the printer from printing (out of paper, cover open…). */
  get status(): DeviceStatus {
    const line = this.transport.status;
    if (line.state !== 'ready' || this.blocker === undefined) return line.state === 'ready' ? { state: 'connecting' } : line;
    return this.blocker === null ? line : { state: 'offline', reason: this.blocker };
  }

  /** Opens the line; resolves once the first attempt settled and, when connected, the printer said how it is. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.transport.open();
    let firstRound: () => void = () => {};
    const answered = new Promise<void>((resolve) => (firstRound = resolve));
    this.running = this.loop(firstRound);
    await answered;
  }

  /** Stops the loop and the line. Jobs not printed fail with that reason: none is lost without a word. */
  async stop(): Promise<void> {
    this.started = false;
    this.poke();
    this.reader.abandon('the printer is being stopped');
    await this.running;
    this.queue.failAll('not printed: the kiosk stopped its printer first');
    await this.transport.close();
  }

  async command(): Promise<Result<void>> {
    return fail('a receipt printer takes no arm or cancel: give it a receipt to print');
  }

  print(receipt: Receipt): Result<PrintJob> {
    const encoded = encodeReceipt(receipt, this.options.codePage);
    if (encoded.unprintable > 0) {
      return fail(`this receipt has ${encoded.unprintable} character(s) the printer cannot print (Arabic, for one): nothing was printed; `
        + 'print it in French, or on the document printer');
    }
    const job = this.queue.add(encoded.parts);
    if (job.ok) this.poke();
    return job;
  }

  cancelJob(id: string, reason: string): boolean {
    return this.queue.failJob(id, reason);
  }

  dropPendingJobs(reason: string): number {
    return this.queue.failAll(reason);
  }

  pendingJobs(): PrintJob[] {
    return this.queue.pending();
  }

  private async loop(firstRound: () => void): Promise<void> {
    while (this.started) {
      this.woken = false;
      if (this.transport.status.state === 'ready') await this.askStatus();
      firstRound();
      if (!this.started) break;
      if (this.blocker === null && await this.printSome()) continue;
      if (this.blocker !== null) this.queue.blocked(this.status.state === 'offline' ? this.status.reason : 'the printer is connecting');
      await this.pause(this.options.statusEveryMs);
    }
    firstRound();
  }

  /**
   * One status round. A round that fails (a noise byte, an answer lost) is asked again at once: only two
   * in a row say the printer is away or not a printer. A round may span a dropped line: only an answer
   * on a line still up says anything.
   */
  private async askStatus(): Promise<void> {
    const stillUp = () => this.started && this.transport.status.state === 'ready';
    let report = await this.reader.read();
    if (!report.ok && stillUp()) report = await this.reader.read();
    if (!stillUp()) return;
    this.report(report.ok ? report.value.blocker : report.error, report.ok ? report.value.condition : UNKNOWN_PRINTER_CONDITION);
  }

  /** One step of the first job, while the printer can print; answers whether to go on at once. */
  private async printSome(): Promise<boolean> {
    if (this.queue.firstAllSent()) {
      this.queue.finishFirst();
      return true;
    }
    const chunk = this.queue.nextChunk(this.options.linesPerChunk ?? 4);
    if (!chunk) return false;
    const connection = this.connection;
    const written = await this.transport.write(chunk.bytes);
    // A failed write drops the line, or will: the status handler then starts the job again from its beginning.
    const sent = written.ok && connection === this.connection;
    if (sent) this.queue.sent(chunk.id, chunk.lines);
    return sent;
  }

  private report(blocker: string | null | undefined, condition: PrinterCondition): void {
    this.blocker = blocker;
    if (!isDeepStrictEqual(condition, this.condition)) {
      this.condition = condition;
      this.emit('printer', condition);
    }
    this.statusChanged();
  }

  private statusChanged(): void {
    const status = this.status;
    if (isDeepStrictEqual(status, this.lastStatus)) return;
    this.lastStatus = status;
    this.emit('status', status);
  }

  private jobChanged(job: PrintJob): void {
    logPrintJob(this.logger, 'receiptPrinter', job);
    this.emit('job', job);
  }

  private pause(ms: number): Promise<void> {
    if (this.woken || !this.started) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Wakes the loop now: a new job, a line that changed, a stop. */
  private poke(): void {
    this.woken = true;
    this.wake();
  }
}
