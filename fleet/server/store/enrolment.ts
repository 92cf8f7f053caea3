import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EnrolmentToken, FleetDatabase, Kiosk } from './schema';

export type EnrolmentRefusal = 'unknown token' | 'token already used' | 'token expired';

export function enrolmentQueries(db: Kysely<FleetDatabase>) {
  return {
    async createToken(input: { tokenHash: string; expiresAt: string; createdBy: string; at: string }): Promise<EnrolmentToken> {
      const token: EnrolmentToken = {
        id: randomUUID(),
        token_hash: input.tokenHash,
        expires_at: input.expiresAt,
        used_at: null,
        used_by_kiosk: null,
        created_by: input.createdBy,
        created_at: input.at,
      };
      await db.insertInto('enrolment_tokens').values(token).execute();
      return token;
    },

    /**
     * Spends the token and creates the pending kiosk in one transaction. The token is claimed by a
     * conditional update, so two kiosks racing with one token cannot both win, on either engine.
     */
    async enrol(input: { tokenHash: string; kiosk: Pick<Kiosk, 'id' | 'name' | 'credential_hash' | 'created_at'>; at: string }): Promise<{ ok: true; kiosk: Kiosk } | { ok: false; error: EnrolmentRefusal }> {
      const kiosk: Kiosk = { ...input.kiosk, state: 'pending', last_seen_at: null, config_reported_version: null, config_error: null, group_name: null };
      const claimed = await db.transaction().execute(async (trx) => {
        await trx.insertInto('kiosks').values(kiosk).execute();
        const result = await trx
          .updateTable('enrolment_tokens')
          .set({ used_at: input.at, used_by_kiosk: kiosk.id })
          .where('token_hash', '=', input.tokenHash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', input.at)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new TokenNotClaimed();
        return true;
      }).catch((error: unknown) => {
        if (error instanceof TokenNotClaimed) return false;
        throw error;
      });
      if (claimed) return { ok: true, kiosk };
      const token = await db.selectFrom('enrolment_tokens').select(['used_at']).where('token_hash', '=', input.tokenHash).executeTakeFirst();
      return { ok: false, error: !token ? 'unknown token' : token.used_at ? 'token already used' : 'token expired' };
    },

    newKioskId(): string {
      return randomUUID();
    },
  };
}

/** Rolls the enrolment transaction back when the token could not be claimed. */
class TokenNotClaimed extends Error {}
