import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Account, FleetDatabase, Role } from './schema';

export function accountQueries(db: Kysely<FleetDatabase>) {
  return {
    async create(input: { username: string; passwordHash: string; role: Role; at: string }): Promise<Account> {
      const account: Account = { id: randomUUID(), username: input.username, password_hash: input.passwordHash, role: input.role, created_at: input.at };
      await db.insertInto('accounts').values(account).execute();
      return account;
    },
    byUsername(username: string): Promise<Account | undefined> {
      return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
    },
    byId(id: string): Promise<Account | undefined> {
      return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async any(): Promise<boolean> {
      return (await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
    },
    list(): Promise<Omit<Account, 'password_hash'>[]> {
      return db.selectFrom('accounts').select(['id', 'username', 'role', 'created_at']).orderBy('username').execute();
    },
  };
}
