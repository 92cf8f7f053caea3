import { z } from 'zod';
import { hashPassword } from '../../auth/password';
import { ROLES } from '../../store/schema';
import type { ApiDeps } from '../deps';
import { HttpError } from '../errors';
import { MAY } from '../roles';
import { defineRoute, type RouteDefinition } from '../route';

const AccountBody = z.object({
  username: z.string().trim().min(1).max(100),
  /** Long rather than clever: the console suggests a passphrase. */
  password: z.string().min(12).max(200),
  role: z.enum(ROLES),
}).strict();

const AccountAnswer = z.object({ id: z.string(), username: z.string(), role: z.enum(ROLES), created_at: z.string() });

export function accountRoutes(deps: ApiDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/accounts',
      summary: 'Console accounts and their roles',
      access: { roles: MAY.manageAccounts },
      success: { status: 200, schema: z.object({ accounts: z.array(AccountAnswer) }) },
      async handler() {
        return { accounts: await deps.store.accounts.list() };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/accounts',
      summary: 'Create a console account',
      access: { roles: MAY.manageAccounts },
      auditAction: 'account.create',
      body: AccountBody,
      success: { status: 201, schema: AccountAnswer },
      async handler({ body, audit }) {
        audit.detail = `role ${body.role}`;
        if (await deps.store.accounts.byUsername(body.username)) throw new HttpError(409, 'body.username: this username is taken');
        const account = await deps.store.accounts.create({ username: body.username, passwordHash: await hashPassword(body.password), role: body.role, at: deps.now().toISOString() });
        return { id: account.id, username: account.username, role: account.role, created_at: account.created_at };
      },
    }),
  ];
}
