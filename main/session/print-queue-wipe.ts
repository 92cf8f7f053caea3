import type { PrintJob } from '../../common/print-job';
import type { WipeStep } from './wipe';

/** What the wipe needs of the printers: the DeviceManager gives it. */
export interface PrintQueues {
  dropPrintJobs(reason: string): number;
  pendingPrintJobs(): PrintJob[];
  /** Jobs dropped here that a print server (CUPS) may still print, with why: their cancellation was not confirmed. */
  unconfirmedCancellations(): Promise<string[]>;
}

/** The reason a job dropped by the wipe fails with, as the job's owner hears it. */
export const WIPED_JOB_REASON = 'not printed: the visit ended and was wiped first';

/**
 * The visit's print jobs: every job not finished yet fails and its receipt is released, then the
 * printers' queues must be empty. A job left waiting (out of paper) would otherwise print the visit's
 * receipt for the next person. What a printer already holds in its own memory is out of reach of
 * ESC/POS; docs/devices.md says how little that is. A document printer's jobs live in CUPS too: each
 * must be cancelled there, or the next person finds the visit's document in the tray.
 */
export const printQueueWipeStep = (printers: PrintQueues): WipeStep => ({
  name: 'print queue',
  clearAndProve: async () => {
    printers.dropPrintJobs(WIPED_JOB_REASON);
    const atServer = await printers.unconfirmedCancellations();
    return { cleared: ['print jobs'], leftovers: [...printers.pendingPrintJobs().map((job) => `job ${job.id} still ${job.state}`), ...atServer] };
  },
});
