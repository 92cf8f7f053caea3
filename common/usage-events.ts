import { z } from 'zod';
import { DeviceKindSchema } from './devices';
import { LanguageSchema } from './language';
import { ProcedureIdSchema } from './procedure-catalog';
import { SatisfactionSchema } from './visit-views';

/**
 * Anonymous usage events: what a local authority's evaluation needs (visits per day, per kiosk, per
 * procedure, per language; how visits end and how long they last) and nothing that could name a
 * person. No text a visitor typed, no measurement value, no page address beyond a site's origin, no
 * time finer than the day. The kiosk writes them to a local store (main/usage/); the fleet agent
 * drains them and the fleet server reads them with these same schemas. docs/usage.md says what is
 * recorded and what is not.
 */

/** Bumped when an event changes meaning or shape; the fleet reads each record by its own version. */
export const USAGE_SCHEMA_VERSION = 1;

/** How a visit ended. */
export const VISIT_OUTCOMES = [
  /** The visitor pressed "finish". */
  'finished',
  /** Nobody touched the screen through the inactivity countdown. */
  'timed-out',
  /** The kiosk page crashed or hung, and the watchdog ended the visit to bring the kiosk back. */
  'watchdog',
  /** An administrator opened the panel, which ends the visit first. */
  'admin',
  /** The visitor declined the notice of what is kept, and left. */
  'declined',
] as const;
export const VisitOutcomeSchema = z.enum(VISIT_OUTCOMES);
export type VisitOutcome = z.infer<typeof VisitOutcomeSchema>;

/** Durations are kept to ten seconds: enough to tell a quick look from a long procedure, no more. */
export const DURATION_STEP_SECONDS = 10;

/** A site's origin (scheme, host, port) and nothing after it: a page's path may carry a case number. */
export const OriginSchema = z.string().max(2048).refine((text) => {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}, 'an origin only (scheme://host[:port]), without a path, query or fragment');

export const UsageEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('visit-started') }).strict(),
  z.object({ type: z.literal('language-chosen'), language: LanguageSchema }).strict(),
  /** The kind of device only: the value itself is medical data and never rests on disk. */
  z.object({ type: z.literal('measurement-taken'), kind: DeviceKindSchema }).strict(),
  /** A procedure's catalog id is the same on every kiosk and names no person. */
  z.object({ type: z.literal('procedure-chosen'), procedure: ProcedureIdSchema }).strict(),
  /** `procedure`: the guided procedure whose site it is; absent for a profile's site tile. */
  z.object({ type: z.literal('site-opened'), origin: OriginSchema, procedure: ProcedureIdSchema.optional() }).strict(),
  /** The visitor asked for help on site (not emitted yet: the help button is to come). */
  z.object({ type: z.literal('help-asked') }).strict(),
  z.object({
    type: z.literal('visit-ended'),
    outcome: VisitOutcomeSchema,
    /** From the touch on the attract screen to the visit's end, rounded to DURATION_STEP_SECONDS. */
    durationSeconds: z.number().int().min(0).multipleOf(DURATION_STEP_SECONDS),
  }).strict(),
  /** The end screen's one-tap answer, given at most once a visit. */
  z.object({ type: z.literal('satisfaction'), rating: SatisfactionSchema }).strict(),
  /**
   * Written by the store itself, never by the session: events it dropped unsent to stay within its
   * bounds (`full`: too many rows; `expired`: older than the profile allows), so the fleet knows
   * its counts for those days are short.
   */
  z.object({ type: z.literal('usage-dropped'), count: z.number().int().min(1), reason: z.enum(['full', 'expired']) }).strict(),
]);
export type UsageEvent = z.infer<typeof UsageEventSchema>;

/** A day of the kiosk's local calendar, the finest time a usage record carries. */
export const UsageDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** One event as the fleet receives it: `id` lets the server drop a record the agent sent twice. */
export const UsageRecordSchema = z.object({
  schema: z.literal(USAGE_SCHEMA_VERSION),
  id: z.uuid(),
  day: UsageDaySchema,
  event: UsageEventSchema,
}).strict();
export type UsageRecord = z.infer<typeof UsageRecordSchema>;
