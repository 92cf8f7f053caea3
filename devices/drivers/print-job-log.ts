import type { PrinterKind } from '../../common/devices';
import type { PrintJob } from '../../common/print-job';
import type { DeviceLogger } from '../logger';

/**
 * One log line per change of a print job: its id, state and reason, never what it prints (a receipt's
 * text, a document or its title may carry a citizen's data, and logs rest on disk).
 */
export function logPrintJob(logger: DeviceLogger, device: PrinterKind, job: PrintJob): void {
  logger.info({ device, job: job.id, state: job.state, ...('reason' in job ? { reason: job.reason } : {}) }, 'print job');
}
