import { z } from 'zod';
import type { DeviceKind } from './devices';

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

/**
 * Demo and test kiosks: the host opens a pty pair with socat, the kiosk side at `serial.path`, and a
 * simulator writes the device's real frames into the other side.
 */
const simulated = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict().optional();

export const ThermometerConfigSchema = z.object({
  serial: SerialPortConfigSchema,
  simulator: simulated({
    everySeconds: z.number().positive().max(3600).default(4),
    celsius: z.number().min(30).max(45).default(36.8),
  }),
}).strict();

export const PulseOximeterConfigSchema = z.object({
  /** The CMS50D+ talks at 19200 baud, odd parity. */
  serial: SerialPortConfigSchema.extend({ baudRate: z.number().int().positive().default(19200) }),
  simulator: simulated({
    spo2: z.number().int().min(50).max(100).default(97),
    pulse: z.number().int().min(25).max(250).default(72),
  }),
}).strict();

/** A blood-pressure monitor behind a BLE-to-serial bridge, like the thermometer: SLIP frames of 0x2A35 values. */
export const BloodPressureMonitorConfigSchema = z.object({
  serial: SerialPortConfigSchema,
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
}).strict();

/** A bathroom scale behind a BLE-to-serial bridge: SLIP frames of 0x2A9D values. */
export const ScaleConfigSchema = z.object({
  serial: SerialPortConfigSchema,
  simulator: simulated({
    everySeconds: z.number().positive().max(3600).default(6),
    kilograms: z.number().min(10).max(300).default(72.4),
  }),
}).strict();

/** One line per device kind: the profile's `devices` section. */
export const DevicesConfigSchema = z.object({
  thermometer: ThermometerConfigSchema.optional(),
  pulseOximeter: PulseOximeterConfigSchema.optional(),
  bloodPressureMonitor: BloodPressureMonitorConfigSchema.optional(),
  scale: ScaleConfigSchema.optional(),
}).strict() satisfies z.ZodType<Partial<Record<DeviceKind, unknown>>>;
export type DevicesConfig = z.infer<typeof DevicesConfigSchema>;
export type DeviceConfigOf<K extends DeviceKind> = NonNullable<DevicesConfig[K]>;
