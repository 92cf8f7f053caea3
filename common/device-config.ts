import { z } from 'zod';
import { CARD_KINDS, CardKindSchema } from './cards';
import type { DeviceKind, MeasuringKind } from './devices';

/**
 * How a profile describes each kind of device: one schema per kind, composed into the profile's
 * `devices` section. Here, in common/, because the profile schema (kiosk-config) and the fleet
 * validate with it while neither may load drivers; devices/registry.ts pairs each with its driver.
 */

/** Linux's PATH_MAX is 4096 bytes with the final NUL; real device paths are a few dozen characters. */
export const DEVICE_PATH_MAX = 4095;
const bytes = (text: string) => new TextEncoder().encode(text).length;

/** A serial line as the OS names it. Paths are configuration: ptys and USB adapters are not listed reliably. */
export const SerialPortConfigSchema = z.object({
  path: z.string()
    .min(1, 'give the device path, for example /dev/ttyUSB0')
    .refine((p) => bytes(p) <= DEVICE_PATH_MAX, {
      error: (issue) => `a device path is at most ${DEVICE_PATH_MAX} bytes (the limit of Linux), this one has `
        + `${bytes(issue.input as string)}: give the path of the device, for example /dev/ttyUSB0`,
    })
    .refine((p) => !p.includes('\u0000'), 'a device path cannot contain a NUL character: give the path of the device, for example /dev/ttyUSB0'),
  baudRate: z.number().int().positive().default(9600),
}).strict();
export type SerialPortConfig = z.infer<typeof SerialPortConfigSchema>;

/** A USB HID device: by vendor and product id (decimal in JSON: 0x0c27 is 3111), or by its hidraw path. */
export const HidDeviceConfigSchema = z.union([
  z.object({ vendorId: z.number().int().min(0).max(0xffff), productId: z.number().int().min(0).max(0xffff) }).strict(),
  z.object({ path: z.string().min(1, 'give the hidraw path, for example /dev/hidraw0').max(DEVICE_PATH_MAX) }).strict(),
], { error: 'give the HID device as { "vendorId": …, "productId": … } (decimal numbers) or { "path": "/dev/hidraw0" }' });
export type HidDeviceConfig = z.infer<typeof HidDeviceConfigSchema>;

/**
 * A measuring device's line, one of the two: `serial`, a BLE-to-serial bridge sending SLIP frames of GATT
 * records; or `hid`, a USB HID device sending one GATT record per input report (devices/codecs/gatt-report.ts).
 */
const MeasuringLineSchema = {
  serial: SerialPortConfigSchema.optional(),
  hid: HidDeviceConfigSchema.optional(),
};
const onOneLine = (config: { serial?: unknown; hid?: unknown }): boolean => (config.serial === undefined) !== (config.hid === undefined);
const ONE_LINE = {
  error: 'give the device either "serial" (a serial line: { "path": "/dev/ttyUSB0" }) or "hid" (a USB HID device: '
    + '{ "vendorId": …, "productId": … } or { "path": "/dev/hidraw0" }), one of the two',
};

/**
 * Demo and test kiosks: the host opens a pty pair with socat, the kiosk side at `serial.path`, and a
 * simulator writes the device's real frames into the other side (a device on `hid` is plugged into the
 * host's simulated HID bus instead).
 */
const simulated = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict().optional();

/**
 * How long a measurement step waits for a reading once the device is armed; then it says none came and
 * the person may try again. A blood-pressure reading takes about a minute, and a cuff is slow to put on.
 */
export const DEFAULT_READING_TIMEOUT_SECONDS = {
  thermometer: 60,
  pulseOximeter: 60,
  bloodPressureMonitor: 180,
  scale: 60,
} as const satisfies Record<MeasuringKind, number>;
/** Optional: `readingTimeoutsOf` gives the default of a kind that leaves it out. */
const ReadingTimeoutSecondsSchema = z.number()
  .min(5, 'a measurement step waits at least 5 seconds for a reading: give readingTimeoutSeconds in seconds, for example 60')
  .max(3600, 'a measurement step waits at most 3600 seconds (one hour) for a reading: give readingTimeoutSeconds in seconds, for example 60')
  .optional();

export const ThermometerConfigSchema = z.object({
  ...MeasuringLineSchema,
  readingTimeoutSeconds: ReadingTimeoutSecondsSchema,
  simulator: simulated({
    everySeconds: z.number().positive().max(3600).default(4),
    celsius: z.number().min(30).max(45).default(36.8),
  }),
}).strict().refine(onOneLine, ONE_LINE);

/**
 * Which pulse oximeter: `cms50d`, a Contec CMS50D+ streaming its own frames (19200 baud, odd parity); `plx`,
 * one sending PLX Spot-check (0x2A5E) records, behind a BLE-to-serial bridge like the blood-pressure
 * monitor's (SLIP frames, no parity; give the bridge's baud rate) or on USB HID (`hid`).
 */
export const PULSE_OXIMETER_MODELS = ['cms50d', 'plx'] as const;

export const PulseOximeterConfigSchema = z.object({
  model: z.enum(PULSE_OXIMETER_MODELS).default('cms50d'),
  /** The CMS50D+ talks at 19200 baud, odd parity. */
  serial: SerialPortConfigSchema.extend({ baudRate: z.number().int().positive().default(19200) }).optional(),
  hid: HidDeviceConfigSchema.optional(),
  readingTimeoutSeconds: ReadingTimeoutSecondsSchema,
  simulator: simulated({
    spo2: z.number().int().min(50).max(100).default(97),
    pulse: z.number().int().min(25).max(250).default(72),
    /** `plx` only: a spot-check oximeter sends one record per measurement; the CMS50D+ streams. */
    everySeconds: z.number().positive().max(3600).default(6),
  }),
}).strict().refine(onOneLine, ONE_LINE).refine((config) => config.model === 'plx' || config.hid === undefined, {
  error: 'a CMS50D+ oximeter is on a serial line: give "serial", or "model": "plx" for one sending GATT records over USB HID',
  path: ['hid'],
});

/** A blood-pressure monitor sending 0x2A35 values, like the thermometer: behind a BLE-to-serial bridge, or on USB HID. */
export const BloodPressureMonitorConfigSchema = z.object({
  ...MeasuringLineSchema,
  readingTimeoutSeconds: ReadingTimeoutSecondsSchema,
  simulator: z.object({
    /** A real monitor takes about a minute per reading; a demo does not make people wait that long. */
    everySeconds: z.number().positive().max(3600).default(8),
    systolic: z.number().int().min(50).max(300).default(122),
    diastolic: z.number().int().min(20).max(200).default(78),
    pulse: z.number().int().min(25).max(250).default(70),
    /** Every reading then carries the monitor's "irregular pulse" flag, to show how the kiosk says it. */
    irregularPulse: z.boolean().default(false),
  }).strict().refine((simulator) => simulator.diastolic < simulator.systolic, {
    message: 'the simulated diastolic pressure must be below the systolic', path: ['diastolic'],
  }).optional(),
}).strict().refine(onOneLine, ONE_LINE);

/** A bathroom scale sending 0x2A9D values: behind a BLE-to-serial bridge, or on USB HID. */
export const ScaleConfigSchema = z.object({
  ...MeasuringLineSchema,
  readingTimeoutSeconds: ReadingTimeoutSecondsSchema,
  simulator: simulated({
    everySeconds: z.number().positive().max(3600).default(6),
    kilograms: z.number().min(10).max(300).default(72.4),
  }),
}).strict().refine(onOneLine, ONE_LINE);
/** A device on the network: its host name or address, and its TCP port. */
export const TcpEndpointSchema = z.object({
  host: z.string().min(1, 'give the device address, for example 192.168.1.50').max(253, 'a host name is at most 253 characters'),
  port: z.number().int().min(1).max(65535).default(9100),
}).strict();
export type TcpEndpoint = z.infer<typeof TcpEndpointSchema>;

export const PRINTER_CODE_PAGES = ['pc858', 'pc850'] as const;

/**
 * A receipt printer speaking ESC/POS, on the network (raw TCP, port 9100) or on a serial line. With
 * `simulator`, the host plays the printer itself: a TCP server at `tcp` (or the far end of a pty pair at
 * `serial.path`) that answers status requests and keeps what it prints.
 */
export const ReceiptPrinterConfigSchema = z.object({
  tcp: TcpEndpointSchema.optional(),
  serial: SerialPortConfigSchema.optional(),
  /** pc858 has €; pc850 for the printers that lack it (€ then prints as EUR). */
  codePage: z.enum(PRINTER_CODE_PAGES).default('pc858'),
  /** How often an idle printer is asked for its paper and cover. */
  statusEverySeconds: z.number().positive().max(60).default(2),
  /** A job that cannot go on (out of paper, cover open, printer away) waits this long, then fails with the reason. */
  jobWaitSeconds: z.number().positive().max(3600).default(300),
  simulator: simulated({
    paper: z.enum(['ok', 'near-end', 'out']).default('ok'),
  }),
}).strict().refine((config) => (config.tcp === undefined) !== (config.serial === undefined), {
  error: 'give the printer either "tcp" (a network printer: host and port) or "serial" (a serial line), one of the two',
});

/** `ipp://host[:port]/printers/Name`, as CUPS names a queue (common/ so the profile schema can check it). */
const IPP_QUEUE_URI = /^ipp:\/\/[^/\s:]+(?::\d{1,5})?\/printers\/[^/\s]+$/;

/**
 * A document printer behind CUPS, spoken to over IPP: `uri` names its queue. With `simulator`, the host
 * runs a private cupsd with a cups-pdf queue at that address (loopback only), whose PDFs land in a
 * temporary folder.
 */
export const DocumentPrinterConfigSchema = z.object({
  uri: z.string().regex(IPP_QUEUE_URI, 'give the print queue as ipp://host:631/printers/Name, for example ipp://127.0.0.1:631/printers/KioskPDF'),
  /** How often CUPS is asked for the printer's state and the jobs' states. */
  pollEverySeconds: z.number().positive().max(60).default(2),
  /** A job that cannot go on (out of paper, queue stopped, CUPS away) waits this long, then is cancelled and fails with the reason. */
  jobWaitSeconds: z.number().positive().max(3600).default(300),
  simulator: simulated({}),
}).strict().refine((config) => !config.simulator || /^ipp:\/\/(127\.0\.0\.1|localhost)[:/]/.test(config.uri), {
  error: 'a simulated document printer runs on this machine: give its uri as ipp://127.0.0.1:<port>/printers/Name', path: ['uri'],
});
/** Bytes as a profile writes them, in hex, spaced or not: "A0 00 00 02 47 10 01". */
const hexBytes = (what: string, min: number, max: number) => z.string()
  .regex(/^\s*[0-9A-Fa-f]{2}(?:[\s:]?[0-9A-Fa-f]{2})*\s*$/, `give the ${what} in hex, for example "A0 00 00 02 47 10 01"`)
  .refine((text) => {
    const compact = text.replace(/[\s:]/g, '');
    // Not hex at all is the message above, said once.
    return !/^(?:[0-9A-Fa-f]{2})+$/.test(compact) || (compact.length / 2 >= min && compact.length / 2 <= max);
  }, `a card's ${what} has ${min} to ${max} bytes`);

/**
 * How the reader tells a card's family: by its ATR under a mask (0 bits match anything), or by an
 * application the card accepts to SELECT. Only the kind leaves the reader.
 */
export const CardRuleSchema = z.object({
  kind: CardKindSchema,
  atr: hexBytes('ATR', 2, 33).optional(),
  atrMask: hexBytes('ATR mask', 2, 33).optional(),
  aid: hexBytes('application identifier', 5, 16).optional(),
}).strict().refine((rule) => (rule.atr === undefined) !== (rule.aid === undefined), {
  error: 'a card rule gives either "atr" (with an optional "atrMask") or "aid", one of the two',
}).refine((rule) => rule.atrMask === undefined || (rule.atr !== undefined && rule.atrMask.replace(/[\s:]/g, '').length === rule.atr.replace(/[\s:]/g, '').length), {
  error: 'an ATR mask has as many bytes as its ATR', path: ['atrMask'],
});
export type CardRule = z.infer<typeof CardRuleSchema>;

/**
 * The rules a reader uses when its profile gives none. Identity: the eMRTD application of ICAO Doc 9303
 * (A0 00 00 02 47 10 01), which identity cards and passports carry. Health insurance: the Sesam Vitale ATRs
 * of public ATR lists (3F 65 25 00 22|2C 09 69|F9 90 00). A site with other cards adds its own rules.
 */
export const DEFAULT_CARD_RULES: CardRule[] = [
  { kind: 'health-insurance', atr: '3F 65 25 00 22 09 69 90 00', atrMask: 'FF FF FF FF 00 FF 0F FF FF' },
  { kind: 'identity', aid: 'A0 00 00 02 47 10 01' },
];

/** vpcd (vsmartcard) listens for its first virtual card on TCP 35963. */
export const VPCD_DEFAULT_PORT = 35963;

/**
 * A smart-card reader through pcscd. With `simulator`, the host plays a card on vpcd (a pcscd reader
 * driver whose card is a TCP client): `reader` is then vpcd's reader, "Virtual PCD 00 00".
 */
export const SmartCardReaderConfigSchema = z.object({
  /** The reader's name as pcscd lists it (`pcsc_scan`), or its beginning. */
  reader: z.string().min(1, 'give the reader name as pcscd lists it, for example "Virtual PCD 00 00"').max(200),
  cards: z.array(CardRuleSchema).min(1).max(32).default(DEFAULT_CARD_RULES),
  simulator: simulated({
    /** The card put in the virtual reader when the host starts; `none` leaves it empty. */
    card: z.enum([...CARD_KINDS, 'none']).default('health-insurance'),
    vpcdHost: z.string().min(1).max(253).default('127.0.0.1'),
    vpcdPort: z.number().int().min(1).max(65535).default(VPCD_DEFAULT_PORT),
  }),
}).strict();

/**
 * How a badge reader sends a badge: typing it as a USB keyboard (`keyboard-wedge`, told from a person
 * typing by its speed: devices/codecs/wedge-scan.ts) or in a vendor report (`data`, the number's place in it).
 */
export const BadgeReaderModeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('keyboard-wedge'),
    minLength: z.number().int().min(1).max(64).default(6),
    maxLength: z.number().int().min(1).max(256).default(64),
    /** Readers type a key every 2–20 ms; people every 100 ms or more. */
    maxGapMs: z.number().int().min(5).max(200).default(40),
  }).strict().refine((mode) => mode.minLength <= mode.maxLength, { message: 'minLength must not exceed maxLength', path: ['minLength'] }),
  z.object({
    type: z.literal('data'),
    reportId: z.number().int().min(0).max(255).optional(),
    offset: z.number().int().min(0).max(1023),
    length: z.number().int().min(1).max(64),
  }).strict(),
]);
export type BadgeReaderMode = z.infer<typeof BadgeReaderModeSchema>;

/**
 * An agent badge reader on USB HID. `salt` keys the hash that replaces a badge's number before it leaves
 * the devices layer (devices/codecs/badge-token.ts): per kiosk, or per site when agents move between kiosks.
 * With `simulator`, a simulated reader on the host's simulated HID bus, which scans `badge` every `everySeconds` if given.
 */
export const BadgeReaderConfigSchema = z.object({
  hid: HidDeviceConfigSchema,
  mode: BadgeReaderModeSchema.default({ type: 'keyboard-wedge', minLength: 6, maxLength: 64, maxGapMs: 40 }),
  salt: z.string().min(16, 'the badge salt is a secret of at least 16 characters, for example from `openssl rand -hex 16`'),
  simulator: simulated({
    badge: z.string().regex(/^[0-9A-Za-z]{1,64}$/, 'a simulated badge number is letters and digits').default('04A1B2C3D4'),
    /** How often it scans by itself; without it, never (a demo kiosk with assisted mode would hand the screen to an agent every time). */
    everySeconds: z.number().positive().max(3600).optional(),
  }),
}).strict();

/** One line per device kind: the profile's `devices` section. */
export const DevicesConfigSchema = z.object({
  thermometer: ThermometerConfigSchema.optional(),
  pulseOximeter: PulseOximeterConfigSchema.optional(),
  bloodPressureMonitor: BloodPressureMonitorConfigSchema.optional(),
  scale: ScaleConfigSchema.optional(),
  receiptPrinter: ReceiptPrinterConfigSchema.optional(),
  documentPrinter: DocumentPrinterConfigSchema.optional(),
  smartCardReader: SmartCardReaderConfigSchema.optional(),
  badgeReader: BadgeReaderConfigSchema.optional(),
}).strict() satisfies z.ZodType<Partial<Record<DeviceKind, unknown>>>;
export type DevicesConfig = z.infer<typeof DevicesConfigSchema>;
export type DeviceConfigOf<K extends DeviceKind> = NonNullable<DevicesConfig[K]>;

/** Each measuring kind's reading timeout: the profile's, or the default for a kind it does not configure. */
export function readingTimeoutsOf(devices: DevicesConfig): Record<MeasuringKind, number> {
  return {
    thermometer: devices.thermometer?.readingTimeoutSeconds ?? DEFAULT_READING_TIMEOUT_SECONDS.thermometer,
    pulseOximeter: devices.pulseOximeter?.readingTimeoutSeconds ?? DEFAULT_READING_TIMEOUT_SECONDS.pulseOximeter,
    bloodPressureMonitor: devices.bloodPressureMonitor?.readingTimeoutSeconds ?? DEFAULT_READING_TIMEOUT_SECONDS.bloodPressureMonitor,
    scale: devices.scale?.readingTimeoutSeconds ?? DEFAULT_READING_TIMEOUT_SECONDS.scale,
  };
}
