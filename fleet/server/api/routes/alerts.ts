import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';

const AlertAnswer = z.object({
  id: z.number(),
  kiosk_id: z.string().nullable(),
  kiosk_name: z.string().nullable(),
  rule: z.string(),
  detail: z.string().nullable(),
  raised_at: z.string(),
  cleared_at: z.string().nullable(),
  acknowledged_by: z.string().nullable(),
  acknowledged_at: z.string().nullable(),
});

const AlertsQuery = z.object({
  /** `true`: only alerts whose condition still holds; `false`: only cleared ones; absent: both. */
  open: z.enum(['true', 'false']).transform((text) => text === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

export function alertRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/alerts',
      summary: 'Alerts, newest first; `open=true` for those whose condition still holds',
      access: { roles: MAY.readFleet },
      query: AlertsQuery,
      success: { status: 200, schema: z.object({ alerts: z.array(AlertAnswer) }) },
      async handler({ query }) {
        return { alerts: await deps.store.alerts.list({ ...(query.open === undefined ? {} : { open: query.open }), limit: query.limit }) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/alerts/:id/acknowledge',
      summary: 'Acknowledge an alert: someone is on it (it stays open until its condition is over)',
      access: { roles: MAY.acknowledgeAlert },
      auditAction: 'alert.acknowledge',
      params: z.object({ id: z.coerce.number().int().min(1) }),
      success: { status: 200, schema: AlertAnswer },
      async handler({ params, caller, audit }) {
        const alert = await deps.store.alerts.byId(params.id);
        if (!alert) throw new HttpError(404, `no alert ${params.id}`);
        audit.kioskId = alert.kiosk_id ?? undefined;
        audit.detail = `alert ${alert.id} (${alert.rule})`;
        const by = caller.kind === 'account' ? caller.account.id : 'unknown';
        if (!(await deps.store.alerts.acknowledge(alert.id, by, deps.now().toISOString()))) {
          throw new HttpError(409, `alert ${alert.id} was acknowledged already, at ${alert.acknowledged_at}`);
        }
        return (await deps.store.alerts.byId(alert.id))!;
      },
    }),
  ];
}
