import { z } from 'zod';

export const DEVICE_KINDS = ['thermometer', 'pulseOximeter', 'bloodPressureMonitor', 'scale', 'receiptPrinter', 'documentPrinter', 'smartCardReader', 'badgeReader'] as const;
export const DeviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/**
 * Printers serve the visit and readers identify staff (common/badge.ts), without measuring anything: a
 * measurement step, the home screen's device cards and the `measurements` of a visit are for every other
 * kind, the measuring kinds.
 */
export const PRINTER_KINDS = ['receiptPrinter', 'documentPrinter'] as const satisfies readonly DeviceKind[];
export type PrinterKind = (typeof PRINTER_KINDS)[number];
/** Readers neither measure nor print: a card reader tells which kind of card came in (common/cards.ts), a badge reader which agent's badge. */
export const READER_KINDS = ['smartCardReader', 'badgeReader'] as const satisfies readonly DeviceKind[];
export type ReaderKind = (typeof READER_KINDS)[number];
export type MeasuringKind = Exclude<DeviceKind, PrinterKind | ReaderKind>;
export const isPrinterKind = (kind: DeviceKind): kind is PrinterKind => (PRINTER_KINDS as readonly DeviceKind[]).includes(kind);
const isReaderKind = (kind: DeviceKind): kind is ReaderKind => (READER_KINDS as readonly DeviceKind[]).includes(kind);
export const MEASURING_KINDS: readonly MeasuringKind[] = DEVICE_KINDS.filter((kind): kind is MeasuringKind => !isPrinterKind(kind) && !isReaderKind(kind));
export const MeasuringKindSchema = DeviceKindSchema.exclude([...PRINTER_KINDS, ...READER_KINDS]);

/**
 * What the kiosk knows of a peripheral. `connecting` while its port opens, `ready` when it can
 * measure, `offline` with a reason a technician can act on.
 */
export const DeviceStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connecting') }).strict(),
  z.object({ state: z.literal('ready') }).strict(),
  /** `absent`: the device node is not there at all (unplugged, wrong path), rather than there and failing. */
  z.object({ state: z.literal('offline'), reason: z.string(), absent: z.literal(true).optional() }).strict(),
]);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/**
 * What the host may ask of a measuring device. `arm`: a step is about to take a measurement (a cuff
 * inflates, an oximeter starts streaming); `cancel`: the step ended without one. Each kind's registry
 * entry lists the ones it accepts. A printer takes none of them: it is given documents to print
 * (`DeviceManager.print`, with the document and its job in common/print-job.ts).
 */
export const DEVICE_COMMANDS = ['arm', 'cancel'] as const;
export const DeviceCommandSchema = z.enum(DEVICE_COMMANDS);
export type DeviceCommand = z.infer<typeof DeviceCommandSchema>;

/**
 * A device's health as staff see it (technician CLI, admin panel, agent view, fleet): `ok` while it
 * answers and nothing went wrong lately; `degraded` while it reconnects, or answers but recently sent
 * bad frames or implausible values or failed a command, or (a printer) its paper is near its end;
 * `absent` when its device node or address is not there (unplugged, wrong path, nothing listening);
 * `error` when it is there but cannot be used (permissions, a failed simulator, a driver fault, a
 * printer out of paper or with its cover open, or that does not answer). `lastError` outlives the recovery, so that a technician sees what
 * happened an hour ago; it is a reason, never a measured value.
 */
export const DEVICE_HEALTH_STATES = ['ok', 'degraded', 'absent', 'error'] as const;

/**
 * What a printer last said of itself (ESC/POS real-time status): its paper roll and its cover. `unknown`
 * until it answers, and again while it does not (offline, or a peer that never answers).
 */
export const PAPER_STATES = ['ok', 'near-end', 'out', 'unknown'] as const;
export const PaperStateSchema = z.enum(PAPER_STATES);
export type PaperState = z.infer<typeof PaperStateSchema>;
export const COVER_STATES = ['closed', 'open', 'unknown'] as const;
export const PrinterConditionSchema = z.object({
  paper: PaperStateSchema,
  cover: z.enum(COVER_STATES),
}).strict();
export type PrinterCondition = z.infer<typeof PrinterConditionSchema>;
export const UNKNOWN_PRINTER_CONDITION: PrinterCondition = { paper: 'unknown', cover: 'unknown' };

export const DeviceHealthSchema = z.object({
  /** The device's key in the profile's `devices` section. */
  id: z.string(),
  kind: DeviceKindSchema,
  state: z.enum(DEVICE_HEALTH_STATES),
  lastError: z.object({ message: z.string(), at: z.iso.datetime() }).strict().nullable(),
  /** Since the host started: frames that did not decode, readings outside the plausible range. */
  malformedFrames: z.number().int().nonnegative(),
  refusedReadings: z.number().int().nonnegative(),
  /** Printers only: paper and cover, so that staff and the fleet see "paper near end" before it runs out. */
  printer: PrinterConditionSchema.optional(),
}).strict();
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;
export type DeviceHealthState = DeviceHealth['state'];
