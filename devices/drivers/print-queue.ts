import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { isFinished, type PrintJob } from '../../common/print-job';
import { fail, ok, type Result } from '../../common/result';
import { joinCommands } from '../codecs/escpos';
import { durationWords } from '../duration-words';

/** A job with its bytes: `parts` (one per printed line) go out in order, `next` is the first not sent yet. */
interface QueuedJob {
  job: PrintJob;
  parts: Uint8Array[];
  next: number;
}

export interface PrintQueueOptions {
  /** Every change of a job's state, finished ones included. */
  changed(job: PrintJob): void;
  /** More jobs than this waiting is refused: the printer is stuck, and memory stays bounded. */
  maxJobs: number;
  /** How long the queue may be stalled (the printer cannot print) before every job in it fails. */
  stallLimitMs: number;
  now?: () => number;
}

/**
 * A printer's jobs, oldest first; only the first one prints. A job's bytes are released as soon as it
 * is finished (done, failed or dropped), so that nothing of a receipt outlives its job. Whenever the
 * printer cannot print while jobs wait, the queue is stalled; stalled for `stallLimitMs`, every job in
 * it fails with the reason, as a printer out of paper for that long will not be seen to soon enough.
 */
export class PrintQueue {
  private readonly jobs: QueuedJob[] = [];
  private stalledSince: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: PrintQueueOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The jobs not finished, in order. */
  pending(): PrintJob[] {
    return this.jobs.map((queued) => queued.job);
  }

  add(parts: Uint8Array[]): Result<PrintJob> {
    if (this.jobs.length >= this.options.maxJobs) {
      return fail(`the printer already has ${this.jobs.length} jobs waiting: it is not printing (see its status)`);
    }
    const queued: QueuedJob = { job: { id: randomUUID(), state: 'queued' }, parts, next: 0 };
    this.jobs.push(queued);
    this.options.changed(queued.job);
    return ok(queued.job);
  }

  /** The bytes of up to `count` more lines of the first job, or null when it has no job or all of it went out. */
  nextChunk(count: number): { id: string; bytes: Uint8Array; lines: number } | null {
    const first = this.jobs[0];
    if (!first || first.next >= first.parts.length) return null;
    const slice = first.parts.slice(first.next, first.next + count);
    this.set(first, { id: first.job.id, state: 'printing' });
    return { id: first.job.id, bytes: joinCommands(...slice), lines: slice.length };
  }

  /** The first job's next `lines` went out. */
  sent(id: string, lines: number): void {
    const first = this.jobs[0];
    if (first?.job.id !== id) return; // dropped while it was being written
    first.next += lines;
    this.stalledSince = null;
  }

  /** Whether the first job went out in full and only awaits the printer's word that it can print. */
  firstAllSent(): boolean {
    const first = this.jobs[0];
    return first !== undefined && first.next >= first.parts.length;
  }

  /** The printer took all of the first job and says it can print: the job is done. */
  finishFirst(): void {
    const first = this.jobs.shift();
    if (first) this.finish(first, { id: first.job.id, state: 'done' });
    this.stalledSince = null;
  }

  /**
   * The printer cannot print now: the first job waits with `reason`. Fails every job once the queue
   * has been stalled for longer than the limit.
   */
  blocked(reason: string): void {
    const first = this.jobs[0];
    if (!first) return;
    this.stalledSince ??= this.now();
    if (this.now() - this.stalledSince < this.options.stallLimitMs) {
      this.set(first, { id: first.job.id, state: 'waiting', reason });
      return;
    }
    const limit = durationWords(this.options.stallLimitMs);
    this.failAll((queued) => `${queued.next > 0 ? 'printed only in part' : 'not printed'}: ${reason}, for more than ${limit}`);
  }

  /**
   * The line went away: a printer that lost its power lost what it held, so the first job starts again
   * from its beginning once the line is back. A second copy of the first lines is better than a receipt
   * missing its end.
   */
  lineLost(): void {
    const first = this.jobs[0];
    if (first) first.next = 0;
  }

  /** Fails one job with `reason`, releasing its bytes; false when no such job waits. */
  failJob(id: string, reason: string): boolean {
    const index = this.jobs.findIndex((queued) => queued.job.id === id);
    if (index < 0) return false;
    const [queued] = this.jobs.splice(index, 1);
    this.finish(queued!, { id, state: 'failed', reason });
    if (this.jobs.length === 0) this.stalledSince = null;
    return true;
  }

  /** Fails every job with `reason`, releasing their bytes; answers how many there were. */
  failAll(reason: string | ((queued: QueuedJob) => string)): number {
    const dropped = this.jobs.splice(0);
    for (const queued of dropped) {
      this.finish(queued, { id: queued.job.id, state: 'failed', reason: typeof reason === 'string' ? reason : reason(queued) });
    }
    this.stalledSince = null;
    return dropped.length;
  }

  private finish(queued: QueuedJob, job: PrintJob): void {
    queued.parts = [];
    this.set(queued, job);
  }

  private set(queued: QueuedJob, job: PrintJob): void {
    const same = isDeepStrictEqual(queued.job, job);
    queued.job = job;
    if (!same || isFinished(job)) this.options.changed(job);
  }
}
