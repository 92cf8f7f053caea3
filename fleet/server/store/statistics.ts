import { sql, type Kysely, type RawBuilder } from 'kysely';
import { VISIT_OUTCOMES, type VisitOutcome } from '../../../common/usage-events';
import { SATISFACTION_RATINGS, type Satisfaction } from '../../../common/visit-views';
import type { FleetDatabase } from './schema';

/** What statistics can be grouped by, and the usage_events column each reads. */
export const STATISTICS_GROUPS = {
  day: 'day',
  kiosk: 'kiosk_id',
  procedure: 'procedure',
  language: 'language',
  site: 'site',
  outcome: 'outcome',
  device: 'device_kind',
} as const;
export type StatisticsGroup = keyof typeof STATISTICS_GROUPS;

/** The counts of one group. `key` is null for events that do not carry the grouped field (a visit has no language). */
export interface UsageCounts {
  key: string | null;
  visits: number;
  ended: Record<VisitOutcome, number>;
  /** Sum over the visits ended, for the average. */
  durationSecondsTotal: number;
  measurements: number;
  helpAsked: number;
  languagesChosen: number;
  proceduresChosen: number;
  sitesOpened: number;
  satisfaction: Record<Satisfaction, number>;
  /** Events the kiosks lost before sending (`usage-dropped`): the counts of this group are short by as much. */
  dropped: number;
}

const countOf = (condition: RawBuilder<unknown>) => sql<string | number>`sum(case when ${condition} then 1 else 0 end)`;
const ofType = (type: string) => sql`type = ${type}`;

/**
 * Aggregates the anonymous usage events in SQL (one GROUP BY that SQLite and PostgreSQL both run): days
 * from `from` to `to`, both included, as each kiosk's calendar wrote them.
 */
export function statisticsQueries(db: Kysely<FleetDatabase>) {
  return {
    async usage({ from, to, by }: { from: string; to: string; by: StatisticsGroup }): Promise<UsageCounts[]> {
      const column = sql.ref(STATISTICS_GROUPS[by]);
      const rows = await db.selectFrom('usage_events')
        .where('day', '>=', from)
        .where('day', '<=', to)
        .select([
          column.as('key'),
          countOf(ofType('visit-started')).as('visits'),
          ...VISIT_OUTCOMES.map((outcome) => countOf(sql`type = 'visit-ended' and outcome = ${outcome}`).as(`ended_${outcome}`)),
          sql<string | number>`coalesce(sum(duration_seconds), 0)`.as('duration_total'),
          countOf(ofType('measurement-taken')).as('measurements'),
          countOf(ofType('help-asked')).as('help_asked'),
          countOf(ofType('language-chosen')).as('languages_chosen'),
          countOf(ofType('procedure-chosen')).as('procedures_chosen'),
          countOf(ofType('site-opened')).as('sites_opened'),
          ...SATISFACTION_RATINGS.map((rating) => countOf(sql`type = 'satisfaction' and rating = ${rating}`).as(`rating_${rating}`)),
          sql<string | number>`coalesce(sum(dropped), 0)`.as('dropped'),
        ])
        .groupBy(column)
        .orderBy(column)
        .execute();
      return rows.map((row) => {
        // PostgreSQL's sum() is a bigint, which the driver hands back as text.
        const n = (name: string) => Number((row as Record<string, unknown>)[name] ?? 0);
        return {
          key: (row as { key: string | null }).key,
          visits: n('visits'),
          ended: Object.fromEntries(VISIT_OUTCOMES.map((outcome) => [outcome, n(`ended_${outcome}`)])) as Record<VisitOutcome, number>,
          durationSecondsTotal: n('duration_total'),
          measurements: n('measurements'),
          helpAsked: n('help_asked'),
          languagesChosen: n('languages_chosen'),
          proceduresChosen: n('procedures_chosen'),
          sitesOpened: n('sites_opened'),
          satisfaction: Object.fromEntries(SATISFACTION_RATINGS.map((rating) => [rating, n(`rating_${rating}`)])) as Record<Satisfaction, number>,
          dropped: n('dropped'),
        };
      });
    },
  };
}
