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

/**
 * What a pulse oximeter noticed about its reading (a PLX spot-check's measurement and sensor status): facts
 * about the measurement, told as the oximeter's observation, never as a diagnosis.
 */
export const OXIMETRY_FLAGS = ['questionableMeasurement', 'lowPerfusion', 'weakSignal', 'sensorDisplaced'] as const;
export const OximetryFlagSchema = z.enum(OXIMETRY_FLAGS);
export type OximetryFlag = z.infer<typeof OximetryFlagSchema>;

/** A pulse oximeter's spot reading: oxygen saturation and pulse, once the finger is in and the signal steady. */
export const OximetrySchema = z.object({
  spo2Percent: z.number().int().min(0).max(100),
  pulsePerMinute: z.number().int().min(0).max(255),
  /** Absent from an oximeter that says nothing of its measurement (the CMS50D+); empty when it noticed nothing. */
  flags: z.array(OximetryFlagSchema).optional(),
}).strict();
export type Oximetry = z.infer<typeof OximetrySchema>;

/**
 * What a blood-pressure monitor noticed while it measured (its measurement status, 0x2A35): facts about
 * the measurement, told to the person as the monitor's observation, never as a diagnosis.
 */
export const BLOOD_PRESSURE_FLAGS = ['irregularPulse', 'bodyMovement', 'cuffTooLoose', 'improperPosition'] as const;
export const BloodPressureFlagSchema = z.enum(BLOOD_PRESSURE_FLAGS);
export type BloodPressureFlag = z.infer<typeof BloodPressureFlagSchema>;

/**
 * A blood-pressure reading, always in mmHg (the unit French practice writes); a monitor that sends kPa is
 * converted to 0.01 mmHg, and `sentIn` keeps what it sent for the practitioner.
 */
export const BloodPressureSchema = z.object({
  systolicMmHg: z.number().finite(),
  diastolicMmHg: z.number().finite(),
  meanArterialMmHg: z.number().finite(),
  /** Null when the monitor sent no pulse. */
  pulsePerMinute: z.number().finite().nullable(),
  sentIn: z.enum(['mmHg', 'kPa']),
  /** Empty when the monitor noticed nothing or sent no measurement status. */
  flags: z.array(BloodPressureFlagSchema),
  /** The device's own clock, ISO 8601 without zone; null when the device sent none. */
  takenAt: z.string().nullable(),
}).strict();
export type BloodPressure = z.infer<typeof BloodPressureSchema>;

/**
 * A weight, always in kilograms (to the gram; pounds are converted, `sentIn` says which the scale sent).
 * BMI and height come from the person set up on the scale, when it has one.
 */
export const WeightSchema = z.object({
  kilograms: z.number().finite(),
  sentIn: z.enum(['kg', 'lb']),
  bmi: z.number().finite().nullable(),
  heightMetres: z.number().finite().nullable(),
  takenAt: z.string().nullable(),
}).strict();
export type Weight = z.infer<typeof WeightSchema>;

/**
 * Every measurement the kiosk can take, tagged with the kind of device that took it: one line per
 * device kind. A visit keeps the latest one of each kind (`Measurements`).
 */
export const MeasurementSchema = z.discriminatedUnion('kind', [
  TemperatureSchema.extend({ kind: z.literal('thermometer') }),
  OximetrySchema.extend({ kind: z.literal('pulseOximeter') }),
  BloodPressureSchema.extend({ kind: z.literal('bloodPressureMonitor') }),
  WeightSchema.extend({ kind: z.literal('scale') }),
]);
export type Measurement = z.infer<typeof MeasurementSchema>;
export type MeasurementOf<K extends DeviceKind> = Extract<Measurement, { kind: K }>;

/** The visit's latest measurement of each kind, filed under the kind that took it. */
export const MeasurementsSchema = z.partialRecord(DeviceKindSchema, MeasurementSchema)
  .refine((all) => Object.entries(all).every(([kind, measurement]) => measurement?.kind === kind), 'each measurement is filed under its own kind');
export type Measurements = { [K in DeviceKind]?: MeasurementOf<K> };
