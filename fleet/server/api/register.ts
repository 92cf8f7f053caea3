import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sameSecret, secretHash } from '../auth/secrets';
import type { ApiDeps } from './deps';
import { HttpError, invalidInput } from './errors';
import type { Caller, RouteContext, RouteDefinition } from './route';
import { sessionTokenFrom } from './session-cookie';

/**
 * The one entry every route goes through, in this order: who is calling (session cookie or kiosk
 * credential), may they (role), is it them (CSRF token on a session's mutation), is the input well
 * formed (zod). Then the handler; then the audit line of a mutation, whatever its outcome.
 *
 * CSRF: a synchronizer token. Login hands the console a random token kept with the session; every
 * state-changing request must echo it in `X-CSRF-Token`. Another site can make a browser send the
 * cookie (SameSite=Strict already stops that in current browsers) but cannot read the token. Chosen over
 * an Origin check because it does not depend on how a reverse proxy rewrites Host and scheme.
 */
export function registerRoute(app: FastifyInstance, deps: ApiDeps, route: RouteDefinition): void {
  app.route({
    method: route.method,
    url: route.url,
    ...(route.rawBody ? { bodyLimit: route.rawBody.maxBytes } : {}),
    handler: async (request, reply) => {
      let caller: Caller = { kind: 'anonymous' };
      const audit: RouteContext<unknown, unknown, unknown>['audit'] = {};
      let handled = false;
      try {
        caller = await identify(deps, request, route);
        authorize(caller, route);
        checkCsrf(request, caller, route);
        const context: RouteContext<unknown, unknown, unknown> = {
          body: route.rawBody ? rawBytes(request.body) : parse(route.body, request.body, 'body'),
          params: parse(route.params, request.params, 'params'),
          query: parse(route.query, request.query, 'query'),
          caller,
          request,
          reply,
          audit,
        };
        handled = true;
        const answer = await route.handler(context);
        await writeAudit(deps, route, request, caller, audit, 'ok');
        return reply.code(route.success.status).send(answer);
      } catch (error) {
        const refused = error instanceof HttpError && error.status < 500;
        const message = error instanceof Error ? error.message : String(error);
        // An anonymous caller's line is written only for what the handler decided, and never for a throttled
        // attempt: otherwise a flood of malformed or rate-limited requests would fill the log for free.
        const worthALine = caller.kind !== 'anonymous' || (handled && !(error instanceof HttpError && error.status === 429));
        if (worthALine) await writeAudit(deps, route, request, caller, audit, refused ? `refused: ${message}` : 'failed: internal error');
        throw error;
      }
    },
  });
}

function parse(schema: RouteDefinition['body'], value: unknown, where: 'body' | 'params' | 'query'): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(where, parsed.error);
  return parsed.data;
}

function rawBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'body: send the file as application/octet-stream or image/png');
  return body;
}

async function identify(deps: ApiDeps, request: FastifyRequest, route: RouteDefinition): Promise<Caller> {
  const access = route.access;
  if ('public' in access) return { kind: 'anonymous' };
  if ('kiosk' in access) {
    const credential = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!credential) throw new HttpError(401, 'a kiosk credential is needed: Authorization: Bearer <credential>');
    const kiosk = await deps.store.kiosks.byCredentialHash(secretHash(credential));
    if (!kiosk) throw new HttpError(401, 'unknown kiosk credential');
    if (kiosk.state === 'revoked') throw new HttpError(403, 'this kiosk has been revoked');
    return { kind: 'kiosk', kiosk };
  }
  const token = sessionTokenFrom(request.headers.cookie);
  const live = token ? await deps.store.sessions.live(secretHash(token), deps.now().toISOString()) : undefined;
  if (!live) throw new HttpError(401, 'not logged in, or the session has ended');
  return { kind: 'account', ...live };
}

function authorize(caller: Caller, route: RouteDefinition): void {
  if (caller.kind !== 'account' || !('roles' in route.access)) return;
  if (!route.access.roles.includes(caller.account.role)) throw new HttpError(403, `the ${caller.account.role} role may not do this`);
}

function checkCsrf(request: FastifyRequest, caller: Caller, route: RouteDefinition): void {
  if (caller.kind !== 'account' || route.method === 'GET') return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !sameSecret(sent, caller.session.csrf_token)) {
    throw new HttpError(403, 'missing or wrong X-CSRF-Token header (the console gets it at login and from GET /api/session)');
  }
}

async function writeAudit(deps: ApiDeps, route: RouteDefinition, request: FastifyRequest, caller: Caller, note: RouteContext<unknown, unknown, unknown>['audit'], result: string): Promise<void> {
  // An unidentified caller of a protected route leaves no line: anyone could fill the log that way.
  if (!route.auditAction || (caller.kind === 'anonymous' && !('public' in route.access))) return;
  await deps.store.audit.append({
    at: deps.now().toISOString(),
    actor: note.actor ?? actorOf(caller),
    action: route.auditAction,
    kiosk_id: note.kioskId ?? kioskNamedIn(request, route) ?? null,
    result,
    detail: note.detail ?? null,
  });
}

function kioskNamedIn(request: FastifyRequest, route: RouteDefinition): string | undefined {
  const value = route.kioskParam ? (request.params as Record<string, unknown>)[route.kioskParam] : undefined;
  return typeof value === 'string' ? value.slice(0, 100) : undefined;
}

function actorOf(caller: Caller): string {
  if (caller.kind === 'account') return caller.account.id;
  if (caller.kind === 'kiosk') return `kiosk:${caller.kiosk.id}`;
  return 'anonymous';
}
