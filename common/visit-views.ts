import { z } from 'zod';
import type { Language } from './language';
import { LifeEventGroupSchema, ProcedureIdSchema } from './procedure-catalog';

/*
 * What the guided visit's screens draw, in the visit's language: the host picks the texts from the
 * procedure catalog (common/procedure-catalog.ts) so a view never holds a language it does not show.
 */

/** A procedure as the home screen lists it and its search finds it. */
export const ProcedureEntrySchema = z.object({
  id: ProcedureIdSchema,
  title: z.string().max(200),
  minutes: z.number().int().positive(),
  /** Words the home screen's search matches, besides the title. */
  keywords: z.array(z.string().max(100)).max(30),
}).strict();
export type ProcedureEntry = z.infer<typeof ProcedureEntrySchema>;

/** The home screen's procedures, grouped by life event in the catalog's group order; empty groups are left out. */
export const HomeCatalogSchema = z.object({
  groups: z.array(z.object({
    group: LifeEventGroupSchema,
    procedures: z.array(ProcedureEntrySchema).min(1),
  }).strict()),
}).strict();
export type HomeCatalog = z.infer<typeof HomeCatalogSchema>;

/**
 * The procedure's memo on the kiosk's receipt printer (main/session/procedure-memo.ts): being printed,
 * printed (the person takes it), or failed (the printer could not: the person asks at the desk).
 */
export const MemoPrintSchema = z.enum(['printing', 'printed', 'failed']);

/** The languages a receipt printer prints a memo in (Latin script, PC858); a visit in another gets it in French. */
export const MEMO_LANGUAGES = ['fr', 'en'] as const satisfies readonly Language[];
export type MemoPrint = z.infer<typeof MemoPrintSchema>;

/** The procedure a visit chose: its guide, and the official site's origins the person will reach. */
export const ProcedureViewSchema = z.object({
  id: ProcedureIdSchema,
  group: LifeEventGroupSchema,
  title: z.string().max(200),
  minutes: z.number().int().positive(),
  summary: z.array(z.string().max(400)).max(10),
  steps: z.array(z.string().max(400)).max(20),
  documents: z.array(z.string().max(400)).max(20),
  /** The origins the procedure's allowlist reaches, shown as "you will go to www.caf.fr". */
  origins: z.array(z.string().max(2048)).max(20),
}).strict();
export type ProcedureView = z.infer<typeof ProcedureViewSchema>;

/** The optional one-tap question on the end screen. */
export const SATISFACTION_RATINGS = ['good', 'neutral', 'bad'] as const;
export const SatisfactionSchema = z.enum(SATISFACTION_RATINGS);
export type Satisfaction = z.infer<typeof SatisfactionSchema>;
