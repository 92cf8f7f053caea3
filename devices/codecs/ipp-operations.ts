import { fail, ok, type Result } from '../../common/result';
import { GROUP_TAGS, IPP_OPERATIONS, VALUE_TAGS, type IppAttribute, type IppMessage, type IppValue } from './ipp';

/**
 * The few IPP/1.1 operations a document printer needs (RFC 8011), as requests to encode and as what
 * Borne reads in their responses. Every request asks for what it reads and nothing more.
 */

const text = (tag: number, value: string): IppValue => ({ tag, value });
const attribute = (name: string, ...values: IppValue[]): IppAttribute => ({ name, values });
/** Jobs go to CUPS as an anonymous user: no name of the citizen, nor of the kiosk's account, travels with them. */
const REQUESTING_USER = 'borne';

function request(operation: number, requestId: number, printerUri: string, more: IppAttribute[], data: Uint8Array = new Uint8Array()): IppMessage {
  return {
    version: [1, 1],
    code: operation,
    requestId,
    groups: [{
      tag: GROUP_TAGS.operation,
      attributes: [
        attribute('attributes-charset', text(VALUE_TAGS.charset, 'utf-8')),
        attribute('attributes-natural-language', text(VALUE_TAGS.naturalLanguage, 'en')),
        attribute('printer-uri', text(VALUE_TAGS.uri, printerUri)),
        attribute('requesting-user-name', text(VALUE_TAGS.name, REQUESTING_USER)),
        ...more,
      ],
    }],
    data,
  };
}

const requested = (...names: string[]): IppAttribute =>
  attribute('requested-attributes', ...names.map((name) => text(VALUE_TAGS.keyword, name)));
const jobIdAttribute = (jobId: number): IppAttribute => attribute('job-id', { tag: VALUE_TAGS.integer, value: jobId });
const JOB_ATTRIBUTES = ['job-id', 'job-state', 'job-state-reasons'];

export const getPrinterAttributes = (requestId: number, printerUri: string): IppMessage =>
  request(IPP_OPERATIONS.getPrinterAttributes, requestId, printerUri, [
    requested('printer-state', 'printer-state-reasons', 'printer-state-message', 'printer-is-accepting-jobs'),
  ]);

export const printJob = (requestId: number, printerUri: string, title: string, pdf: Uint8Array): IppMessage =>
  request(IPP_OPERATIONS.printJob, requestId, printerUri, [
    attribute('job-name', text(VALUE_TAGS.name, title)),
    attribute('document-format', text(VALUE_TAGS.mimeMediaType, 'application/pdf')),
  ], pdf);

export const getJobAttributes = (requestId: number, printerUri: string, jobId: number): IppMessage =>
  request(IPP_OPERATIONS.getJobAttributes, requestId, printerUri, [jobIdAttribute(jobId), requested(...JOB_ATTRIBUTES)]);

export const cancelJob = (requestId: number, printerUri: string, jobId: number): IppMessage =>
  request(IPP_OPERATIONS.cancelJob, requestId, printerUri, [jobIdAttribute(jobId)]);

export const getJobs = (requestId: number, printerUri: string): IppMessage =>
  request(IPP_OPERATIONS.getJobs, requestId, printerUri, [
    attribute('which-jobs', text(VALUE_TAGS.keyword, 'not-completed')),
    requested(...JOB_ATTRIBUTES),
  ]);

/** RFC 8011 §5.4.11: printer-state. */
export type PrinterState = 'idle' | 'processing' | 'stopped';
const PRINTER_STATES: Readonly<Record<number, PrinterState>> = { 3: 'idle', 4: 'processing', 5: 'stopped' };

export interface PrinterReport {
  state: PrinterState;
  /** printer-state-reasons without "none", with their -report/-warning/-error suffix. */
  reasons: string[];
  message: string;
  acceptingJobs: boolean;
}

/** RFC 8011 §5.3.7: job-state. */
export type JobState = 'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';
const JOB_STATES: Readonly<Record<number, JobState>> = {
  3: 'pending', 4: 'pending-held', 5: 'processing', 6: 'processing-stopped', 7: 'canceled', 8: 'aborted', 9: 'completed',
};

export interface JobReport {
  id: number;
  state: JobState;
  reasons: string[];
}

/** The status codes Borne tells apart; any other is said by its number. */
const STATUS_WORDS: Readonly<Record<number, string>> = {
  0x0400: 'the request was refused as malformed (client-error-bad-request)',
  0x0401: 'the printer forbids it (client-error-forbidden)',
  0x0402: 'the printer wants a login (client-error-not-authenticated)',
  0x0403: 'the printer refuses this user (client-error-not-authorized)',
  0x0406: 'no such queue or job (client-error-not-found)',
  0x040a: 'the printer cannot print PDF (client-error-document-format-not-supported)',
  0x0500: 'the print server failed (server-error-internal-error)',
  0x0501: 'the print server does not know this operation (server-error-operation-not-supported)',
  0x0506: 'the queue does not accept jobs (server-error-not-accepting-jobs)',
  0x0507: 'the print server is busy (server-error-busy)',
};

/** successful-ok and its variants are 0x0000 to 0x00ff. */
export const isSuccessful = (status: number): boolean => status <= 0x00ff;
export const statusWords = (status: number): string => STATUS_WORDS[status] ?? `IPP status 0x${status.toString(16).padStart(4, '0')}`;
export const NOT_FOUND = 0x0406;

function valuesOf(message: IppMessage, groupTag: number, name: string): IppValue[] {
  return message.groups.filter((group) => group.tag === groupTag)
    .flatMap((group) => group.attributes.find((found) => found.name === name)?.values ?? []);
}
const keywords = (values: IppValue[]): string[] =>
  values.flatMap((value) => (typeof value.value === 'string' && value.value !== 'none' ? [value.value] : []));
const firstNumber = (values: IppValue[]): number | undefined => {
  const value = values[0]?.value;
  return typeof value === 'number' ? value : undefined;
};

/** The printer's state from a Get-Printer-Attributes response, or why it does not say it. */
export function printerReportOf(message: IppMessage): Result<PrinterReport> {
  const state = PRINTER_STATES[firstNumber(valuesOf(message, GROUP_TAGS.printer, 'printer-state')) ?? 0];
  if (!state) return fail('the response gives no printer-state of 3, 4 or 5');
  const message_ = valuesOf(message, GROUP_TAGS.printer, 'printer-state-message')[0]?.value;
  const accepting = valuesOf(message, GROUP_TAGS.printer, 'printer-is-accepting-jobs')[0]?.value;
  return ok({
    state,
    reasons: keywords(valuesOf(message, GROUP_TAGS.printer, 'printer-state-reasons')),
    message: typeof message_ === 'string' ? message_ : '',
    acceptingJobs: accepting !== false,
  });
}

/** Every job in the response's job groups (Print-Job, Get-Job-Attributes, Get-Jobs); an error value when one is incomplete. */
export function jobReportsOf(message: IppMessage): Result<JobReport[]> {
  const jobs: JobReport[] = [];
  for (const group of message.groups.filter((found) => found.tag === GROUP_TAGS.job)) {
    const single: IppMessage = { ...message, groups: [group] };
    const id = firstNumber(valuesOf(single, GROUP_TAGS.job, 'job-id'));
    const state = JOB_STATES[firstNumber(valuesOf(single, GROUP_TAGS.job, 'job-state')) ?? 0];
    if (id === undefined || id < 1 || !state) return fail('a job in the response has no valid job-id or job-state');
    jobs.push({ id, state, reasons: keywords(valuesOf(single, GROUP_TAGS.job, 'job-state-reasons')) });
  }
  return ok(jobs);
}
