import { z } from 'zod';
import { LanguageSchema } from './language';
import { isInsideRule, SiteScopeSchema } from './lockdown-config';
import { characters, CONTROL_CHARACTERS } from './screen-text';

/**
 * The guided procedures a visitor can pick: what the renderer lists and the host opens. A procedure
 * is language-independent facts (its group, its official sites, how long it takes) plus, per language,
 * the texts a person reads. Here, in common/, because the renderer shows them and the fleet validates
 * them with the same schema as the kiosk (kiosk-config/catalog-load.ts reads them from files).
 */

/** Life events, as a person thinks of them ("I'm moving"), not as administrations are organised. */
export const LIFE_EVENT_GROUPS = [
  'identity', 'family', 'health', 'work', 'housing', 'taxes', 'transport', 'retirement', 'citizenship', 'education', 'energy',
] as const;
export const LifeEventGroupSchema = z.enum(LIFE_EVENT_GROUPS, {
  error: `choose one of the groups: ${LIFE_EVENT_GROUPS.join(', ')}`,
});
export type LifeEventGroup = z.infer<typeof LifeEventGroupSchema>;

/** A procedure's id is its file name: lowercase letters, digits and dashes. */
export const PROCEDURE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const ProcedureIdSchema = z.string().regex(PROCEDURE_ID_PATTERN, 'use lowercase letters, digits and dashes (2 to 63), as in "passport"');


/** One line of text a person reads: present, bounded, and on one line. */
function line(max: number, what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `write ${what}` : `${what} must be text`) })
    .refine((text) => text.trim().length > 0, `write ${what}; it is empty`)
    .refine((text) => characters(text) <= max, {
      error: (issue) => `shorten ${what} to ${max} characters or fewer; it has ${characters(issue.input as string)}`,
    })
    .refine((text) => !CONTROL_CHARACTERS.test(text), `write ${what} on one line, without tabs or control characters`);
}

/** A list of lines; `min: 0` still requires the list, so "nothing to bring" is said, not forgotten. */
function lines(min: number, max: number, itemMax: number, what: string, item: string) {
  return z.array(line(itemMax, item), {
    error: (issue) => (issue.input === undefined ? `give ${what} as a list (${min === 0 ? '[] when there is none' : 'one line each'})` : `${what} must be a list of lines`),
  })
    .min(min, `give at least ${min} ${item}`)
    .max(max, `keep ${what} to ${max} or fewer, so it fits a screen`);
}

/** Procedures are done in a kiosk's browser: https only, except loopback pages that tests serve. */
export function isSecureOrLoopback(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname));
}
const HTTPS_ONLY = 'use https (http is only accepted for loopback test pages)';

const ProcedureSiteSchema = SiteScopeSchema.refine((site) => isSecureOrLoopback(site.origin), { message: HTTPS_ONLY, path: ['origin'] });

/** Language-independent facts: kiosk-config/catalog/procedures/<id>.json. */
export const ProcedureFactsSchema = z.object({
  group: LifeEventGroupSchema,
  /** Minutes a first-timer needs, papers at hand; shown so a person can decide to start now. */
  minutes: z.number({ error: 'give the estimated minutes as a whole number' }).int('give whole minutes').min(1).max(240),
  /** The page the procedure opens on; it must lie under one of `allow`. */
  start: z.string({ error: 'give the start page address' }).max(2048).refine(isSecureOrLoopback, HTTPS_ONLY),
  /** The official sites the visit may reach during this procedure: entries like the profile's `lockdown.allow`. */
  allow: z.array(ProcedureSiteSchema).min(1, 'give at least one official site the procedure may reach').max(20),
  /** True while the addresses are demonstration content not checked against the live sites. */
  demo: z.boolean().default(false),
}).strict().superRefine((facts, ctx) => {
  if (!facts.allow.some((site) => isInsideRule(facts.start, site))) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: 'the start page is outside every listed site: add its site to "allow" or correct the address' });
  }
});
export type ProcedureFacts = z.infer<typeof ProcedureFactsSchema>;

/** What a person reads, in one language: kiosk-config/catalog/<language>/<id>.json. */
export const ProcedureTextsSchema = z.object({
  title: line(80, 'the title'),
  /** Easy-to-read: one short sentence per line. */
  summary: lines(1, 5, 140, 'the summary', 'summary sentence'),
  /** Shown numbered, in this order. */
  steps: lines(1, 12, 240, 'the steps', 'step'),
  documents: lines(0, 15, 160, 'the documents to bring', 'document'),
  /** Words a person may type or say to find the procedure, including everyday ones. */
  keywords: lines(1, 30, 40, 'the keywords', 'keyword'),
}).strict();
export type ProcedureTexts = z.infer<typeof ProcedureTextsSchema>;

export const ProcedureSchema = z.object({
  id: ProcedureIdSchema,
  ...ProcedureFactsSchema.shape,
  texts: z.partialRecord(LanguageSchema, ProcedureTextsSchema),
}).strict();
export type Procedure = z.infer<typeof ProcedureSchema>;

/** A whole catalog, as the loader returns it and as the fleet would send it. */
export const ProcedureCatalogSchema = z.object({
  /** Every procedure has texts in each of these languages. */
  languages: z.array(LanguageSchema).min(1),
  procedures: z.array(ProcedureSchema).max(500),
}).strict().superRefine((catalog, ctx) => {
  const seen = new Set<string>();
  catalog.procedures.forEach((procedure, index) => {
    if (seen.has(procedure.id)) ctx.addIssue({ code: 'custom', path: ['procedures', index, 'id'], message: `the id "${procedure.id}" is used twice` });
    seen.add(procedure.id);
    for (const language of catalog.languages) {
      if (!procedure.texts[language]) ctx.addIssue({ code: 'custom', path: ['procedures', index, 'texts', language], message: `write the ${language} texts` });
    }
  });
});
export type ProcedureCatalog = z.infer<typeof ProcedureCatalogSchema>;

