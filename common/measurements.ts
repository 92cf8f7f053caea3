import { z } from 'zod';
import { DeviceKindSchema, type DeviceKind } from './devices';

/** Where on the body a temperature was taken (Bluetooth SIG Temperature Type, 0x2A1D). */
export const BODY_SITES = [
  'armpit', 'body', 'ear', 'finger', 'gastro-intestinal', 'mouth', 'rectum', 'toe', 'tympanum',
] as const;
export const BodySiteSchema = z.enum(BODY_SITES);
export type BodySite = z.infer<typeof BodySiteSchema>;

/** A temperature as the kiosk shows it: always in degrees Celsius, whatever unit the device sent. */
export const TemperatureSchema = z.object({
  celsius: z.number().finite(),
  site: BodySiteSchema.nullable(),
  /** The device's own clock, ISO 8601 without zone; null when the device sent none. */
  takenAt: z.string().nullable(),
}).strict();
export type Temperature = z.infer<typeof TemperatureSchema>;

/** A pulse oximeter's spot reading: oxygen saturation and pulse, once the finger is in and the signal steady. */
export const OximetrySchema = z.object({
  spo2Percent: z.number().int().min(0).max(100),
  pulsePerMinute: z.number().int().min(0).max(255),
}).strict();
export type Oximetry = z.infer<typeof OximetrySchema>;

/**
 * Every measurement the kiosk can take, tagged with the kind of device that took it: one line per
 * device kind. A visit keeps the latest one of each kind (`Measurements`).
 */
export const MeasurementSchema = z.discriminatedUnion('kind', [
  TemperatureSchema.extend({ kind: z.literal('thermometer') }),
  OximetrySchema.extend({ kind: z.literal('pulseOximeter') }),
]);
export type Measurement = z.infer<typeof MeasurementSchema>;
export type MeasurementOf<K extends DeviceKind> = Extract<Measurement, { kind: K }>;

/** The visit's latest measurement of each kind, filed under the kind that took it. */
export const MeasurementsSchema = z.partialRecord(DeviceKindSchema, MeasurementSchema)
  .refine((all) => Object.entries(all).every(([kind, measurement]) => measurement?.kind === kind), 'each measurement is filed under its own kind');
export type Measurements = { [K in DeviceKind]?: MeasurementOf<K> };
