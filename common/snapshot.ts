import { z } from 'zod';
import { LanguageSchema } from './language';
import { TemperatureMeasurementSchema } from './measurements';
import { DeviceKindSchema, DeviceStatusSchema } from './devices';

/** The screens of a visit. The renderer picks a screen from this and nothing else. */
export const SCREENS = ['attract', 'language', 'home', 'end', 'wipe', 'out-of-service'] as const;
export const ScreenSchema = z.enum(SCREENS);
export type Screen = z.infer<typeof ScreenSchema>;

/** Everything a view needs to draw the kiosk. The host sends a whole snapshot on every change. */
export const SessionSnapshotSchema = z.object({
  screen: ScreenSchema,
  /** The visit's language, or the profile's default between visits. */
  language: LanguageSchema,
  offeredLanguages: z.array(LanguageSchema).min(1),
  /** Set while the inactivity warning counts down; the visit ends when it reaches zero. */
  idleWarning: z.object({ secondsLeft: z.number().int().nonnegative() }).strict().nullable(),
  /** The latest reading of this visit; null outside a visit and after the wipe. */
  temperature: TemperatureMeasurementSchema.nullable(),
  devices: z.partialRecord(DeviceKindSchema, DeviceStatusSchema),
  /**
   * True while test automation can drive this kiosk remotely (the host got --test-cdp-port and the
   * profile allows it). Every screen then shows a permanent banner, so nobody mistakes it for a kiosk in service.
   */
  testAutomation: z.boolean(),
}).strict();
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;
