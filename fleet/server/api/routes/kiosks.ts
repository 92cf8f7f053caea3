import { z } from 'zod';
import { KIOSK_STATES, type KioskState } from '../../store/schema';
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
});
const KioskParams = z.object({ id: z.uuid() });

/** Approve and revoke: the same move with different allowed starting states. */
function kioskMove(deps: ApiDeps, verb: 'approve' | 'revoke', from: readonly KioskState[], to: KioskState, roles: readonly ('administrator' | 'operator' | 'viewer')[]): RouteDefinition {
  return defineRoute({
    method: 'POST',
    url: `/api/kiosks/:id/${verb}`,
    summary: verb === 'approve' ? 'Approve a pending kiosk' : 'Revoke a kiosk: its credential is refused from now on',
    access: { roles },
    auditAction: `kiosk.${verb}`,
    kioskParam: 'id',
    params: KioskParams,
    success: { status: 200, schema: KioskAnswer },
    async handler({ params }) {
      const kiosk = await deps.store.kiosks.byId(params.id);
      if (!kiosk) throw new HttpError(404, `no kiosk ${params.id}`);
      if (!(await deps.store.kiosks.move(params.id, from, to))) {
        throw new HttpError(409, `kiosk ${params.id} is ${kiosk.state}: only a ${from.join(' or ')} kiosk can be ${to}`);
      }
      return { ...kiosk, state: to };
    },
  });
}

export function kioskRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/kiosks',
      summary: 'Every kiosk with its enrolment state',
      access: { roles: MAY.readFleet },
      success: { status: 200, schema: z.object({ kiosks: z.array(KioskAnswer) }) },
      async handler() {
        return { kiosks: await deps.store.kiosks.list() };
      },
    }),
    kioskMove(deps, 'approve', ['pending'], 'approved', MAY.approveKiosk),
    kioskMove(deps, 'revoke', ['pending', 'approved'], 'revoked', MAY.revokeKiosk),
  ];
}
