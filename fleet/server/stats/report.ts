import { z } from 'zod';
import { VISIT_OUTCOMES } from '../../../common/usage-events';
import { SATISFACTION_RATINGS } from '../../../common/visit-views';
import { STATISTICS_GROUPS, type StatisticsGroup, type UsageCounts } from '../store/statistics';
import type { FleetStore } from '../store/store';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((day) => {
    // Date.parse rolls 2026-02-30 over to March 2 (or gives NaN for month 13): a real day reads back the same.
    const time = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
  }, 'not a day of the calendar');

/** The question a statistics request asks: which days, grouped by what. */
export const StatisticsQuerySchema = z.object({
  from: DaySchema,
  to: DaySchema,
  by: z.enum(Object.keys(STATISTICS_GROUPS) as [StatisticsGroup, ...StatisticsGroup[]]).default('day'),
}).strict().refine((query) => query.from <= query.to, { path: ['to'], message: 'must be the same day as `from` or after it' });
export type StatisticsQuery = z.infer<typeof StatisticsQuerySchema>;

const Counts = {
  visits: z.number(),
  ended: z.object(Object.fromEntries(VISIT_OUTCOMES.map((outcome) => [outcome, z.number()]))),
  averageDurationSeconds: z.number().nullable(),
  measurements: z.number(),
  helpAsked: z.number(),
  languagesChosen: z.number(),
  proceduresChosen: z.number(),
  sitesOpened: z.number(),
  satisfaction: z.object(Object.fromEntries(SATISFACTION_RATINGS.map((rating) => [rating, z.number()]))),
  dropped: z.number(),
};
export const StatisticsRowSchema = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  /** The figure a chart of this grouping shows (HEADLINE): visits per day, procedures chosen per procedure… */
  count: z.number(),
  ...Counts,
});
export const UsageReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.string(),
  rows: z.array(StatisticsRowSchema),
  totals: z.object({ count: z.number(), ...Counts }),
});
export type StatisticsRow = z.infer<typeof StatisticsRowSchema>;
export type UsageReport = z.infer<typeof UsageReportSchema>;

/**
 * The usage figures of a period, one row per group, and their totals. `visits` counts visits started;
 * `dropped` counts events kiosks lost before sending them (their counts are short by as much).
 * Grouped by a field only some events carry (language, procedure, site, outcome, device), the events
 * without it fall in the row whose key is null.
 */
export async function usageReport(store: FleetStore, query: StatisticsQuery): Promise<UsageReport> {
  const counts = await store.statistics.usage(query);
  const names = query.by === 'kiosk' ? new Map((await store.kiosks.list()).map((kiosk) => [kiosk.id, kiosk.name])) : undefined;
  const finished = (counted: UsageCounts): Omit<StatisticsRow, 'key' | 'label'> => {
    const { key: _key, durationSecondsTotal, ...row } = counted;
    const ended = endedOf(row);
    return { count: HEADLINE[query.by](counted), ...row, averageDurationSeconds: ended === 0 ? null : Math.round(durationSecondsTotal / ended) };
  };
  const rows = counts.map((row) => ({ key: row.key, label: names ? names.get(row.key ?? '') ?? null : row.key, ...finished(row) }));
  return { ...query, rows, totals: finished(counts.reduce(added, zero())) };
}

const endedOf = (row: Pick<UsageCounts, 'ended'>) => Object.values(row.ended).reduce((sum, n) => sum + n, 0);

/**
 * What each grouping is about: a procedure's row counts the times it was chosen, since a visit's start
 * does not know its procedure yet (those visits are in the row whose key is null).
 */
const HEADLINE: Record<StatisticsGroup, (row: UsageCounts) => number> = {
  day: (row) => row.visits,
  kiosk: (row) => row.visits,
  procedure: (row) => row.proceduresChosen,
  language: (row) => row.languagesChosen,
  site: (row) => row.sitesOpened,
  outcome: endedOf,
  device: (row) => row.measurements,
};

const zero = (): UsageCounts => ({
  key: null, visits: 0, ended: byName(VISIT_OUTCOMES, () => 0), durationSecondsTotal: 0, measurements: 0, helpAsked: 0,
  languagesChosen: 0, proceduresChosen: 0, sitesOpened: 0, satisfaction: byName(SATISFACTION_RATINGS, () => 0), dropped: 0,
});

function added(sum: UsageCounts, row: UsageCounts): UsageCounts {
  return {
    key: null,
    visits: sum.visits + row.visits,
    ended: byName(VISIT_OUTCOMES, (outcome) => sum.ended[outcome] + row.ended[outcome]),
    durationSecondsTotal: sum.durationSecondsTotal + row.durationSecondsTotal,
    measurements: sum.measurements + row.measurements,
    helpAsked: sum.helpAsked + row.helpAsked,
    languagesChosen: sum.languagesChosen + row.languagesChosen,
    proceduresChosen: sum.proceduresChosen + row.proceduresChosen,
    sitesOpened: sum.sitesOpened + row.sitesOpened,
    satisfaction: byName(SATISFACTION_RATINGS, (rating) => sum.satisfaction[rating] + row.satisfaction[rating]),
    dropped: sum.dropped + row.dropped,
  };
}

function byName<K extends string>(names: readonly K[], value: (name: K) => number): Record<K, number> {
  return Object.fromEntries(names.map((name) => [name, value(name)])) as Record<K, number>;
}
