import type { Kysely } from 'kysely';
import type { Account, FleetDatabase, Session } from './schema';

export function sessionQueries(db: Kysely<FleetDatabase>) {
  return {
    async create(session: Session): Promise<void> {
      await db.insertInto('sessions').values(session).execute();
    },
    /** The live session with this token hash and its account; an expired one is as good as absent. */
    async live(tokenHash: string, now: string): Promise<{ session: Session; account: Account } | undefined> {
      const session = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
      if (!session) return undefined;
      const account = await db.selectFrom('accounts').selectAll().where('id', '=', session.account_id).executeTakeFirst();
      return account && { session, account };
    },
    async end(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async endExpired(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
  };
}
