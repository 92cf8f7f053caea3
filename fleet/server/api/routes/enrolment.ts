import { z } from 'zod';
import { newSecret, secretHash } from '../../auth/secrets';
import { KIOSK_STATES } from '../../store/schema';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';

const TokenBody = z.object({
  /** A token should live long enough to walk to the kiosk, not for weeks. */
  expiresInMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
}).strict();

const EnrolBody = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
}).strict();

const SelfAnswer = z.object({ id: z.string(), name: z.string(), state: z.enum(KIOSK_STATES), mqttUrl: z.string().optional() });

/**
 * Enrolment (docs/fleet-protocol.md): an administrator makes a one-time token, the kiosk trades it for
 * its own credential and waits, pending, until someone approves it.
 */
export function enrolmentRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/enrolment-tokens',
      summary: 'Create a one-time enrolment token; it is shown in this answer only',
      access: { roles: MAY.manageEnrolment },
      auditAction: 'enrolment-token.create',
      body: TokenBody,
      success: { status: 201, schema: z.object({ id: z.string(), token: z.string(), expiresAt: z.string() }) },
      async handler({ body, caller, audit }) {
        if (caller.kind !== 'account') throw new HttpError(401, 'not logged in');
        const now = deps.now();
        const token = newSecret();
        const expiresAt = new Date(now.getTime() + body.expiresInMinutes * 60_000).toISOString();
        const created = await deps.store.enrolment.createToken({ tokenHash: secretHash(token), expiresAt, createdBy: caller.account.id, at: now.toISOString() });
        audit.detail = `token ${created.id}, expires ${expiresAt}`;
        return { id: created.id, token, expiresAt };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/enrol',
      summary: 'A kiosk trades an enrolment token for its own credential; it is pending until approved',
      access: { public: true },
      auditAction: 'kiosk.enrol',
      body: EnrolBody,
      success: { status: 201, schema: z.object({ kioskId: z.string(), credential: z.string(), state: z.literal('pending'), mqttUrl: z.string().optional() }) },
      async handler({ body, audit, request }) {
        const verdict = deps.enrolThrottle.admitAddress(request.ip, deps.now().getTime());
        if (!verdict.ok) throw new HttpError(429, verdict.reason, { 'retry-after': String(verdict.retryAfterSeconds) });
        const now = deps.now().toISOString();
        const credential = newSecret();
        const id = deps.store.enrolment.newKioskId();
        const outcome = await deps.store.enrolment.enrol({
          tokenHash: secretHash(body.token),
          kiosk: { id, name: body.name, credential_hash: secretHash(credential), created_at: now },
          at: now,
        });
        if (!outcome.ok) throw new HttpError(outcome.error === 'unknown token' ? 401 : 410, `enrolment refused: ${outcome.error}`);
        // An external broker learns the credential now: the server never has it again.
        await deps.access.kioskEnrolled(id, credential);
        audit.actor = `kiosk:${id}`;
        audit.kioskId = id;
        audit.detail = `name ${body.name}`;
        return { kioskId: id, credential, state: 'pending', mqttUrl: deps.kioskBrokerUrl(request.host) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/kiosk/self',
      summary: "A kiosk asks for its own state with its credential (refused once it is revoked)",
      access: { kiosk: true },
      success: { status: 200, schema: SelfAnswer },
      async handler({ caller, request }) {
        if (caller.kind !== 'kiosk') throw new HttpError(401, 'a kiosk credential is needed');
        await deps.store.kiosks.seen(caller.kiosk.id, deps.now().toISOString());
        return { id: caller.kiosk.id, name: caller.kiosk.name, state: caller.kiosk.state, mqttUrl: deps.kioskBrokerUrl(request.host) };
      },
    }),
  ];
}
