import { z } from 'zod';

/**
 * A receipt and its print job, as the host hands one to a receipt printer (`DeviceManager.print`) and
 * hears back how it goes. Here, in common/, so that the session, the control socket and later a view
 * of the job share one definition.
 */

/** Bounds on what a caller can hand over; a printer wraps a line longer than its width by itself. */
export const RECEIPT_TEXT_MAX = 200;
export const RECEIPT_LINES_MAX = 200;

const oneLine = z.string().max(RECEIPT_TEXT_MAX)
  .refine((text) => !/[\n\r\u2028\u2029]/.test(text), 'one line of text: give each line as its own entry');

/** One line of a receipt; an empty text is an empty line. */
export const ReceiptLineSchema = z.object({
  text: oneLine,
  bold: z.boolean().optional(),
  centred: z.boolean().optional(),
}).strict();
export type ReceiptLine = z.infer<typeof ReceiptLineSchema>;

/** What a receipt printer prints: the title (centred, bold, double size), the lines, then it feeds and cuts. */
export const ReceiptSchema = z.object({
  title: oneLine.optional(),
  lines: z.array(ReceiptLineSchema).max(RECEIPT_LINES_MAX),
}).strict();
export type Receipt = z.infer<typeof ReceiptSchema>;

/**
 * Where a job stands. `queued` behind another job; `printing` while its lines go to the printer;
 * `waiting` while it cannot go on, with the reason (out of paper, cover open, printer away): it goes on
 * from where it stopped when the printer can print again, or fails after the printer's `jobWaitSeconds`;
 * `done` once the printer took all of it and then said it had paper, its cover closed and was online;
 * `failed` with the reason (it waited too long, it was dropped by the visit's wipe, the host stopped).
 */
const jobId = z.string().min(1);
export const PrintJobSchema = z.discriminatedUnion('state', [
  z.object({ id: jobId, state: z.literal('queued') }).strict(),
  z.object({ id: jobId, state: z.literal('printing') }).strict(),
  z.object({ id: jobId, state: z.literal('waiting'), reason: z.string() }).strict(),
  z.object({ id: jobId, state: z.literal('done') }).strict(),
  z.object({ id: jobId, state: z.literal('failed'), reason: z.string() }).strict(),
]);
export type PrintJob = z.infer<typeof PrintJobSchema>;
export type PrintJobState = PrintJob['state'];

/** A job in one of these states is over: nothing of its receipt is kept. */
export const isFinished = (job: PrintJob): boolean => job.state === 'done' || job.state === 'failed';
