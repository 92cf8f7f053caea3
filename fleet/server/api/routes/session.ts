import { z } from 'zod';
import { NO_ACCOUNT_HASH, verifyPassword } from '../../auth/password';
import { newSecret, secretHash } from '../../auth/secrets';
import { ROLES } from '../../store/schema';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';
import { clearedSessionCookie, sessionCookie } from '../session-cookie';

const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
}).strict();

const SessionAnswer = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  /** Echo it in X-CSRF-Token on every POST. */
  csrfToken: z.string(),
});

/** Logging in and out of the console, and what the console asks after a reload. */
export function sessionRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/login',
      summary: 'Log in to the console: sets the session cookie and returns the CSRF token',
      access: { public: true },
      auditAction: 'login',
      body: LoginBody,
      success: { status: 200, schema: SessionAnswer },
      async handler({ body, request, reply, audit }) {
        const now = deps.now();
        const verdict = deps.throttle.admit(request.ip, body.username, now.getTime());
        if (!verdict.ok) throw new HttpError(429, verdict.reason, { 'retry-after': String(verdict.retryAfterSeconds) });
        const account = await deps.store.accounts.byUsername(body.username);
        const right = await verifyPassword(body.password, account?.password_hash ?? NO_ACCOUNT_HASH);
        if (!account || !right) {
          deps.throttle.failed(body.username, now.getTime());
          if (account) audit.actor = account.id;
          throw new HttpError(401, 'wrong username or password');
        }
        deps.throttle.succeeded(body.username);
        audit.actor = account.id;
        const token = newSecret();
        const csrfToken = newSecret();
        const maxAgeSeconds = deps.sessionHours * 3600;
        await deps.store.sessions.endExpired(now.toISOString());
        await deps.store.sessions.create({
          token_hash: secretHash(token),
          account_id: account.id,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
        });
        reply.header('set-cookie', sessionCookie(token, maxAgeSeconds, request.protocol === 'https'));
        return { username: account.username, role: account.role, csrfToken };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/logout',
      summary: 'End this console session',
      access: { roles: MAY.readFleet },
      auditAction: 'logout',
      success: { status: 200, schema: z.object({ ok: z.literal(true) }) },
      async handler({ caller, request, reply }) {
        if (caller.kind === 'account') await deps.store.sessions.end(caller.session.token_hash);
        reply.header('set-cookie', clearedSessionCookie(request.protocol === 'https'));
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/session',
      summary: 'Who is logged in, and the CSRF token of this session',
      access: { roles: MAY.readFleet },
      success: { status: 200, schema: SessionAnswer },
      async handler({ caller }) {
        if (caller.kind !== 'account') throw new HttpError(401, 'not logged in');
        return { username: caller.account.username, role: caller.account.role, csrfToken: caller.session.csrf_token };
      },
    }),
  ];
}
