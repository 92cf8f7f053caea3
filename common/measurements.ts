import { z } from 'zod';

/** Where on the body a temperature was taken (Bluetooth SIG Temperature Type, 0x2A1D). */
export const BODY_SITES = [
  'armpit', 'body', 'ear', 'finger', 'gastro-intestinal', 'mouth', 'rectum', 'toe', 'tympanum',
] as const;
export const BodySiteSchema = z.enum(BODY_SITES);
export type BodySite = z.infer<typeof BodySiteSchema>;

/** A temperature as the kiosk shows it: always in degrees Celsius, whatever unit the device sent. */
export const TemperatureMeasurementSchema = z.object({
  celsius: z.number().finite(),
  site: BodySiteSchema.nullable(),
  /** The device's own clock, ISO 8601 without zone; null when the device sent none. */
  takenAt: z.string().nullable(),
}).strict();
export type TemperatureMeasurement = z.infer<typeof TemperatureMeasurementSchema>;
