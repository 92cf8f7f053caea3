import { z } from 'zod';
import { LanguageSchema } from './language';

/**
 * The site open during a visit, as views see it: its origin only (the page's address may carry a
 * person's case number), and whether it could not be reached, for Borne's own message instead of
 * the browser's error page.
 */
export const SiteSchema = z.object({
  origin: z.string().max(2048),
  unreachable: z.boolean(),
}).strict();
export type Site = z.infer<typeof SiteSchema>;

/** A site the home screen offers: its name in each offered language, and the page the tile opens. */
export const SiteTileSchema = z.object({
  label: z.partialRecord(LanguageSchema, z.string()),
  url: z.string().max(2048),
}).strict();
export type SiteTile = z.infer<typeof SiteTileSchema>;
