import { z } from 'zod';
import { usageReportCsv, usageReportFileName } from '../../stats/report-csv';
import { StatisticsQuerySchema, usageReport, UsageReportSchema } from '../../stats/report';
import type { ApiDeps } from '../deps';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';

export function statisticsRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/statistics',
      summary: 'Anonymous usage figures for days `from` to `to` (YYYY-MM-DD, both included), one row per `by` group, with totals',
      access: { roles: MAY.readFleet },
      query: StatisticsQuerySchema,
      success: { status: 200, schema: UsageReportSchema },
      handler: ({ query }) => usageReport(deps.store, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/statistics.csv',
      summary: 'The same usage figures as a CSV file to download',
      access: { roles: MAY.readFleet },
      query: StatisticsQuerySchema,
      success: { status: 200, schema: z.string(), contentType: 'text/csv' },
      async handler({ query, reply }) {
        const report = await usageReport(deps.store, query);
        void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${usageReportFileName(report)}"`);
        return usageReportCsv(report);
      },
    }),
  ];
}
