import { VISIT_OUTCOMES } from '../../../common/usage-events';
import { SATISFACTION_RATINGS } from '../../../common/visit-views';
import { csvText } from './csv';
import type { StatisticsRow, UsageReport } from './report';

/** The report as a spreadsheet: a header row, then one row per group; a kiosk's name beside its id. */
export function usageReportCsv(report: UsageReport): string {
  const named = report.by === 'kiosk';
  const header = [
    report.by, ...(named ? ['kiosk_name'] : []), 'visits',
    ...VISIT_OUTCOMES.map((outcome) => `ended_${outcome}`), 'average_duration_seconds', 'measurements', 'help_asked',
    'languages_chosen', 'procedures_chosen', 'sites_opened', ...SATISFACTION_RATINGS.map((rating) => `satisfaction_${rating}`), 'usage_dropped',
  ];
  const line = (row: StatisticsRow) => [
    row.key, ...(named ? [row.label] : []), row.visits,
    ...VISIT_OUTCOMES.map((outcome) => row.ended[outcome] ?? 0), row.averageDurationSeconds, row.measurements, row.helpAsked,
    row.languagesChosen, row.proceduresChosen, row.sitesOpened, ...SATISFACTION_RATINGS.map((rating) => row.satisfaction[rating] ?? 0), row.dropped,
  ];
  return csvText([header, ...report.rows.map(line)]);
}

/** `borne-usage-by-day-2026-12-01-2026-12-31.csv` */
export function usageReportFileName(report: UsageReport): string {
  return `borne-usage-by-${report.by}-${report.from}-${report.to}.csv`;
}
