import { z } from 'zod';
import { KioskStatusSchema } from '../../../../common/fleet-messages';
import { heardRecently } from '../../ingest/outbound';
import type { KioskView } from '../../store/kiosks';
import { KIOSK_STATES, type KioskState } from '../../store/schema';
import type { HeardStatus } from '../../store/status';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';

const KioskAnswer = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(KIOSK_STATES),
  created_at: z.string(),
  last_seen_at: z.string().nullable(),
  group_name: z.string().nullable(),
});
/** A kiosk with what it last said: `online` means heard from within the window, never "socket open". */
const KioskDetail = KioskAnswer.extend({
  config_reported_version: z.number().nullable(),
  config_error: z.string().nullable(),
  online: z.boolean(),
  heardAt: z.string().nullable(),
  status: KioskStatusSchema.nullable(),
});
export const KioskParams = z.object({ id: z.uuid() });
const GroupBody = z.object({ group: z.string().trim().min(1).max(64).nullable() }).strict();

/** Approve and revoke: the same move with different allowed starting states. */
function kioskMove(deps: ApiDeps, verb: 'approve' | 'revoke', from: readonly KioskState[], to: KioskState, roles: readonly ('administrator' | 'operator' | 'viewer')[]): RouteDefinition {
  return defineRoute({
    method: 'POST',
    url: `/api/kiosks/:id/${verb}`,
    summary: verb === 'approve' ? 'Approve a pending kiosk' : 'Revoke a kiosk: its credential is refused from now on and its MQTT session dropped',
    access: { roles },
    auditAction: `kiosk.${verb}`,
    kioskParam: 'id',
    params: KioskParams,
    success: { status: 200, schema: KioskAnswer },
    async handler({ params }) {
      const kiosk = await existing(deps, params.id);
      if (!(await deps.store.kiosks.move(params.id, from, to))) {
        throw new HttpError(409, `kiosk ${params.id} is ${kiosk.state}: only a ${from.join(' or ')} kiosk can be ${to}`);
      }
      await deps.access.kioskMoved(params.id, to);
      return { ...kiosk, state: to };
    },
  });
}

export async function existing(deps: ApiDeps, id: string): Promise<KioskView> {
  const kiosk = await deps.store.kiosks.byId(id);
  if (!kiosk) throw new HttpError(404, `no kiosk ${id}`);
  return kiosk;
}

function detail(deps: ApiDeps, kiosk: KioskView, heard: HeardStatus | undefined): z.infer<typeof KioskDetail> {
  const online = heardRecently(heard?.heardAt, deps.now(), deps.onlineWindowMs);
  return { ...kiosk, online, heardAt: heard?.heardAt ?? null, status: heard?.status ?? null };
}

const HistoryQuery = z.object({ since: z.iso.datetime() }).strict();

export function kioskRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/kiosks/:id/history',
      summary: "A kiosk's statuses since a time, oldest first (kept --history-days)",
      access: { roles: MAY.readFleet },
      params: KioskParams,
      query: HistoryQuery,
      success: { status: 200, schema: z.object({ history: z.array(z.object({ heardAt: z.string(), status: KioskStatusSchema })) }) },
      async handler({ params, query }) {
        if (!(await deps.store.kiosks.byId(params.id))) throw new HttpError(404, `no kiosk ${params.id}`);
        const history = await deps.store.status.history(params.id, query.since);
        return { history: history.map(({ heardAt, status }) => ({ heardAt, status })) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/kiosks',
      summary: 'Every kiosk with its enrolment state, whether it is online and its latest status',
      access: { roles: MAY.readFleet },
      success: { status: 200, schema: z.object({ kiosks: z.array(KioskDetail) }) },
      async handler() {
        const heard = new Map((await deps.store.status.allLatest()).map((entry) => [entry.kioskId, entry]));
        return { kiosks: (await deps.store.kiosks.list()).map((kiosk) => detail(deps, kiosk, heard.get(kiosk.id))) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/kiosks/:id',
      summary: 'One kiosk with whether it is online and its latest status',
      access: { roles: MAY.readFleet },
      params: KioskParams,
      success: { status: 200, schema: KioskDetail },
      async handler({ params }) {
        return detail(deps, await existing(deps, params.id), await deps.store.status.latest(params.id));
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/kiosks/:id/group',
      summary: 'Put a kiosk in a group (for filters and staged rollouts), or in none with null',
      access: { roles: MAY.configureKiosk },
      auditAction: 'kiosk.group',
      kioskParam: 'id',
      params: KioskParams,
      body: GroupBody,
      success: { status: 200, schema: KioskAnswer },
      async handler({ params, body, audit }) {
        const kiosk = await existing(deps, params.id);
        await deps.store.kiosks.setGroup(params.id, body.group);
        audit.detail = `group ${body.group ?? '(none)'}`;
        return { ...kiosk, group_name: body.group };
      },
    }),
    kioskMove(deps, 'approve', ['pending'], 'approved', MAY.approveKiosk),
    kioskMove(deps, 'revoke', ['pending', 'approved'], 'revoked', MAY.revokeKiosk),
  ];
}
