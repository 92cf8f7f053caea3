import { z } from 'zod';
import { ProfileSchema } from '../../../../kiosk-config/schema';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';
import { existing, KioskParams } from './kiosks';

const ConfigBody = z.object({ config: z.unknown() }).strict();
const ConfigAnswer = z.object({
  desired: z.object({ version: z.number(), config: z.unknown() }).nullable(),
  reported: z.object({ version: z.number(), error: z.string().nullable() }).nullable(),
});

/** Desired configuration (versioned, checked with the kiosk's own schema) and what the kiosk says it runs. */
export function configRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'PUT',
      url: '/api/kiosks/:id/config',
      summary: "Set a kiosk's desired configuration (a whole kiosk profile); it becomes the next version and is sent retained",
      access: { roles: MAY.configureKiosk },
      auditAction: 'config.push',
      kioskParam: 'id',
      params: KioskParams,
      body: ConfigBody,
      success: { status: 200, schema: z.object({ version: z.number() }) },
      async handler({ params, body, caller, audit }) {
        await existing(deps, params.id);
        const checked = ProfileSchema.safeParse(body.config);
        if (!checked.success) {
          const problems = checked.error.issues.map((issue) => `${['body', 'config', ...issue.path.map(String)].join('.')}: ${issue.message}`);
          throw new HttpError(400, problems.slice(0, 10).join('; '));
        }
        const by = caller.kind === 'account' ? caller.account.id : 'unknown';
        const stored = await deps.store.configs.add({ kioskId: params.id, config: body.config, createdBy: by, at: deps.now().toISOString() });
        audit.detail = `version ${stored.version}`;
        await deps.outbound.pushConfig(params.id, { version: stored.version, config: stored.config });
        return { version: stored.version };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/kiosks/:id/config',
      summary: 'The desired configuration and what the kiosk reports running (or why it refused the desired one)',
      access: { roles: MAY.readFleet },
      params: KioskParams,
      success: { status: 200, schema: ConfigAnswer },
      async handler({ params }) {
        const kiosk = await existing(deps, params.id);
        const desired = await deps.store.configs.latest(params.id);
        return {
          desired: desired ? { version: desired.version, config: desired.config } : null,
          reported: kiosk.config_reported_version === null ? null : { version: kiosk.config_reported_version, error: kiosk.config_error },
        };
      },
    }),
  ];
}
