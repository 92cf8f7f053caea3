import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';
import { AuditLineSchema } from '../audit-line';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  kioskId: z.string().min(1).max(100).optional(),
}).strict();

export function auditRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/audit',
      summary: 'The audit log, newest first; page back with `before` (the last id seen)',
      access: { roles: MAY.readAudit },
      query: AuditQuery,
      success: { status: 200, schema: z.object({ lines: z.array(AuditLineSchema) }) },
      async handler({ query }) {
        return { lines: await deps.store.audit.recent(query) };
      },
    }),
  ];
}
