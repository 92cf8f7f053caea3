import { z } from 'zod';
import { LanguageSchema } from './language';

/**
 * A site where the person talks to someone by video: an appointment with an advisor (family benefits,
 * the job centre…) or a teleconsultation with a doctor. Its origin may use the camera and microphone,
 * and inactivity never ends the visit while it shows: the person talks, and may not touch the screen.
 */
export const CallKindSchema = z.enum(['appointment', 'teleconsultation']);
export type CallKind = z.infer<typeof CallKindSchema>;

/**
 * The site open during a visit, as views see it: its origin only (the page's address may carry a
 * person's case number), and whether it could not be reached, for Borne's own message instead of
 * the browser's error page.
 */
export const SiteSchema = z.object({
  origin: z.string().max(2048),
  unreachable: z.boolean(),
  /** A video call's site (its tile's kind); null for any other site. */
  call: CallKindSchema.nullable(),
}).strict();
export type Site = z.infer<typeof SiteSchema>;

/** A site the home screen offers: its name in each offered language, and the page the tile opens. */
export const SiteTileSchema = z.object({
  label: z.partialRecord(LanguageSchema, z.string()),
  url: z.string().max(2048),
  /** The home screen offers video calls in a section of their own; null for any other site. */
  call: CallKindSchema.nullable(),
}).strict();
export type SiteTile = z.infer<typeof SiteTileSchema>;
