import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import { UNKNOWN_PRINTER_CONDITION, type DeviceStatus, type PrinterCondition } from '../../common/devices';
import type { PrintJob, Receipt } from '../../common/print-job';
import { fail, ok, type Result } from '../../common/result';
import * as ipp from '../codecs/ipp-operations';
import { durationWords } from '../duration-words';
import type { DeviceLogger } from '../logger';
import { pdfOfLines } from '../pdf-document';
import type { IppFailure, IppTransport } from '../transports/ipp-transport';
import type { DriverEvents, PrintingDriver } from './driver';
import { documentPrinterCondition } from './ipp-printer-report';
import { logPrintJob } from './print-job-log';

export interface DocumentPrinterOptions {
  /** How often the print server is asked for the printer's state and the jobs' states. */
  pollEveryMs: number;
  /** How long a job may wait (out of paper, queue stopped, CUPS away) before it is cancelled and fails with the reason. */
  jobWaitMs: number;
  maxJobs?: number;
  now?: () => number;
}

/** A job of this kiosk: its document until CUPS took it, then CUPS's job id. */
interface TrackedJob {
  job: PrintJob;
  title: string;
  pdf: Uint8Array | undefined;
  cupsId: number | undefined;
  /** When it began to wait, or null while it goes on. */
  waitingSince: number | null;
}

/**
 * A document printer behind CUPS, spoken to over IPP (devices/transports/ipp-transport.ts). One loop
 * asks the queue's state (printer-state, printer-state-reasons) every `pollEveryMs`, hands new jobs to
 * CUPS as PDF, and follows each job to completed, canceled or aborted. A job that cannot go on (out of
 * paper, a stopped queue, CUPS away) stays in CUPS's queue and is reported `waiting` with the reason;
 * after `jobWaitMs` it is cancelled at CUPS and fails with that reason, so it never prints later for
 * someone else, and is never lost without a word. Documents are never logged, nor their titles.
 */
export class DocumentPrinterDriver extends EventEmitter<DriverEvents<never>> implements PrintingDriver {
  private readonly jobs: TrackedJob[] = [];
  /** CUPS job ids dropped here whose cancellation CUPS has not confirmed yet. */
  private readonly toCancel = new Set<number>();
  private current: DeviceStatus = { state: 'connecting' };
  private condition: PrinterCondition = UNKNOWN_PRINTER_CONDITION;
  private running: Promise<void> | undefined;
  private roundUnderWay: Promise<void> | undefined;
  private cancelling: Promise<void> = Promise.resolve();
  private started = false;
  private woken = false;
  private wake: () => void = () => (this.woken = true);
  private readonly now: () => number;

  constructor(private readonly transport: IppTransport, private readonly logger: DeviceLogger, private readonly options: DocumentPrinterOptions) {
    super();
    this.now = options.now ?? Date.now;
  }

  get status(): DeviceStatus {
    return this.current;
  }

  /** Starts the loop; resolves once the print server answered, or said why it cannot, once. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    let firstRound: () => void = () => {};
    const answered = new Promise<void>((resolve) => (firstRound = resolve));
    this.running = this.loop(firstRound);
    await answered;
  }

  /** Stops the loop. Jobs not finished are cancelled at CUPS and fail with that reason. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.wake();
    await this.running;
    this.dropPendingJobs('not printed: the kiosk stopped its printer first');
    await this.confirmDropped();
  }

  async command(): Promise<Result<void>> {
    return fail('a document printer takes no arm or cancel: give it a document to print');
  }

  /** A receipt printed as a one-page document (Helvetica: no Arabic). */
  print(receipt: Receipt): Result<PrintJob> {
    const pdf = pdfOfLines(receipt.title ?? '', receipt.lines.map((line) => line.text));
    return pdf.ok ? this.printDocument(pdf.value, receipt.title ?? 'Borne') : fail(`nothing was printed: ${pdf.error}`);
  }

  /** Queues a PDF; CUPS gets it on the loop's next round. */
  printDocument(pdf: Uint8Array, title: string): Result<PrintJob> {
    const waiting = this.pendingJobs().length;
    if (waiting >= (this.options.maxJobs ?? 20)) return fail(`the printer already has ${waiting} jobs waiting: it is not printing (see its status)`);
    const tracked: TrackedJob = { job: { id: randomUUID(), state: 'queued' }, title, pdf, cupsId: undefined, waitingSince: null };
    this.jobs.push(tracked);
    this.jobChanged(tracked.job);
    this.wake();
    return ok(tracked.job);
  }

  cancelJob(id: string, reason: string): boolean {
    const tracked = this.jobs.find((found) => found.job.id === id);
    if (!tracked) return false;
    this.finish(tracked, { id, state: 'failed', reason }, true);
    this.wake();
    return true;
  }

  dropPendingJobs(reason: string): number {
    const dropped = [...this.jobs];
    for (const tracked of dropped) this.finish(tracked, { id: tracked.job.id, state: 'failed', reason }, true);
    this.wake();
    return dropped.length;
  }

  pendingJobs(): PrintJob[] {
    return this.jobs.map((tracked) => tracked.job);
  }

  /**
   * Cancels at CUPS what was dropped here; answers the jobs CUPS may still print, with why. Waits for
   * the round under way first: a job dropped while CUPS was taking it is known to CUPS only after it.
   */
  async confirmDropped(): Promise<string[]> {
    await this.roundUnderWay;
    return this.cancelDropped();
  }

  /** One pass at a time (the loop's and the wipe's): two Cancel-Job for one job, and CUPS refuses the second. */
  private cancelDropped(): Promise<string[]> {
    const pass = this.cancelling.then(() => this.cancelDroppedNow());
    this.cancelling = pass.then(() => undefined);
    return pass;
  }

  private async cancelDroppedNow(): Promise<string[]> {
    const left: string[] = [];
    for (const cupsId of [...this.toCancel]) {
      const cancelled = await this.cancelAtServer(cupsId);
      if (!cancelled.ok) left.push(`CUPS job ${cupsId} not cancelled: ${cancelled.error}`);
    }
    return left;
  }

  private async loop(firstRound: () => void): Promise<void> {
    while (this.started) {
      this.woken = false;
      this.roundUnderWay = this.round();
      await this.roundUnderWay;
      firstRound();
      if (!this.started) break;
      // A job or a stop that came during the round is seen at once.
      if (this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollEveryMs);
        this.wake = () => {
          this.woken = true;
          clearTimeout(timer);
          resolve();
        };
      });
    }
    firstRound();
  }

  private async round(): Promise<void> {
    const printer = await this.transport.send(ipp.getPrinterAttributes(this.transport.requestId(), this.transport.queue.uri));
    const report = printer.ok ? ipp.printerReportOf(printer.value) : printer;
    if (!report.ok) {
      const failure: IppFailure = typeof report.error === 'string' ? { kind: 'malformed', message: report.error } : report.error;
      this.failed(failure);
      this.stall(failure.message);
      return;
    }
    const { condition, blocker } = documentPrinterCondition(report.value);
    this.setCondition(condition);
    this.setStatus(blocker === null ? { state: 'ready' } : { state: 'offline', reason: blocker });
    await this.cancelDropped();
    for (const tracked of [...this.jobs]) await this.follow(tracked, blocker);
  }

  /** Hands the job to CUPS if it has not got it yet, then reads its state. */
  private async follow(tracked: TrackedJob, blocker: string | null): Promise<void> {
    if (tracked.cupsId === undefined && tracked.pdf) {
      const sent = await this.transport.send(ipp.printJob(this.transport.requestId(), this.transport.queue.uri, tracked.title, tracked.pdf));
      const created = sent.ok ? ipp.jobReportsOf(sent.value) : sent;
      const cupsId = created.ok ? created.value[0]?.id : undefined;
      if (cupsId === undefined) {
        const why = created.ok ? 'the print server gave no job id' : typeof created.error === 'string' ? created.error : created.error.message;
        if (!sent.ok && sent.error.kind === 'malformed') this.emit('malformed', why);
        this.wait(tracked, why);
        return;
      }
      tracked.cupsId = cupsId;
      tracked.pdf = undefined; // CUPS has the document now: nothing of it stays here.
      // Dropped (the wipe, a cancel) while CUPS was taking it: it must not print.
      if (!this.jobs.includes(tracked)) this.toCancel.add(cupsId);
    }
    if (tracked.cupsId === undefined || !this.jobs.includes(tracked)) return;
    const asked = await this.transport.send(ipp.getJobAttributes(this.transport.requestId(), this.transport.queue.uri, tracked.cupsId));
    const reports = asked.ok ? ipp.jobReportsOf(asked.value) : asked;
    const report = reports.ok ? reports.value.find((found) => found.id === tracked.cupsId) : undefined;
    if (!report) {
      const why = reports.ok ? 'the print server did not say how the job stands' : typeof reports.error === 'string' ? reports.error : reports.error.message;
      this.wait(tracked, why);
      return;
    }
    if (!this.jobs.includes(tracked)) return; // dropped while we asked
    const { id } = tracked.job;
    if (report.state === 'completed') this.finish(tracked, { id, state: 'done' }, false);
    else if (report.state === 'canceled') this.finish(tracked, { id, state: 'failed', reason: 'cancelled at the print server' }, false);
    else if (report.state === 'aborted') this.finish(tracked, { id, state: 'failed', reason: 'the print server gave up on it (aborted)' }, false);
    else if (blocker !== null) this.wait(tracked, blocker);
    else if (report.state === 'pending-held') this.wait(tracked, 'held at the print server: release it there (lp -i <job> -H resume)');
    else if (report.state === 'processing-stopped') this.wait(tracked, 'the printer stopped in the middle of it');
    else this.set(tracked, report.state === 'processing' ? { id, state: 'printing' } : { id, state: 'queued' }, null);
  }

  /** The print server cannot be asked: every job waits with why. */
  private stall(reason: string): void {
    for (const tracked of [...this.jobs]) this.wait(tracked, reason);
  }

  /** The job cannot go on; waited too long, it is cancelled at CUPS and fails with the reason. */
  private wait(tracked: TrackedJob, reason: string): void {
    const since = tracked.waitingSince ?? this.now();
    if (this.now() - since >= this.options.jobWaitMs) {
      const printed = tracked.cupsId === undefined ? 'not printed' : 'not printed (cancelled at the print server)';
      this.finish(tracked, { id: tracked.job.id, state: 'failed', reason: `${printed}: ${reason}, for more than ${durationWords(this.options.jobWaitMs)}` }, true);
      return;
    }
    this.set(tracked, { id: tracked.job.id, state: 'waiting', reason }, since);
  }

  private finish(tracked: TrackedJob, job: PrintJob, cancelAtServer: boolean): void {
    const index = this.jobs.indexOf(tracked);
    if (index < 0) return;
    this.jobs.splice(index, 1);
    tracked.pdf = undefined;
    if (cancelAtServer && tracked.cupsId !== undefined) this.toCancel.add(tracked.cupsId);
    this.set(tracked, job, null);
  }

  private set(tracked: TrackedJob, job: PrintJob, waitingSince: number | null): void {
    tracked.waitingSince = waitingSince;
    if (isDeepStrictEqual(tracked.job, job)) return;
    tracked.job = job;
    this.jobChanged(job);
  }

  /** Cancel-Job, unless CUPS says the job is over already. */
  private async cancelAtServer(cupsId: number): Promise<Result<void>> {
    const uri = this.transport.queue.uri;
    const asked = await this.transport.send(ipp.getJobAttributes(this.transport.requestId(), uri, cupsId));
    const reports = asked.ok ? ipp.jobReportsOf(asked.value) : asked;
    const state = reports.ok ? reports.value.find((found) => found.id === cupsId)?.state : undefined;
    const gone = (!asked.ok && asked.error.status === ipp.NOT_FOUND) || state === 'completed' || state === 'canceled' || state === 'aborted';
    if (!gone) {
      const cancelled = await this.transport.send(ipp.cancelJob(this.transport.requestId(), uri, cupsId));
      if (!cancelled.ok) return fail(cancelled.error.message);
    }
    this.toCancel.delete(cupsId);
    this.logger.info({ device: 'documentPrinter', cupsJob: cupsId }, 'print job cancelled at the print server');
    return ok(undefined);
  }

  private failed(failure: IppFailure): void {
    if (failure.kind === 'malformed') {
      this.logger.warn({ device: 'documentPrinter', reason: failure.message }, 'bad answer from the print server');
      this.emit('malformed', failure.message);
    }
    this.setCondition(UNKNOWN_PRINTER_CONDITION);
    this.setStatus({ state: 'offline', reason: failure.message, ...(failure.kind === 'absent' ? { absent: true as const } : {}) });
  }

  private setStatus(status: DeviceStatus): void {
    if (isDeepStrictEqual(status, this.current)) return;
    this.current = status;
    this.emit('status', status);
  }

  private setCondition(condition: PrinterCondition): void {
    if (isDeepStrictEqual(condition, this.condition)) return;
    this.condition = condition;
    this.emit('printer', condition);
  }

  private jobChanged(job: PrintJob): void {
    logPrintJob(this.logger, 'documentPrinter', job);
    this.emit('job', job);
  }
}
