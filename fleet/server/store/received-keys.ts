import type { Kysely } from 'kysely';
import type { FleetDatabase, NewAuditLine } from './schema';

/**
 * Outbox keys the server has already stored (audit lines, command results): an entry resent after a
 * lost acknowledgement is recognised here and not acted on twice.
 */
export function receivedKeyQueries(db: Kysely<FleetDatabase>) {
  return {
    /** Claims `key` and appends `line` in one transaction; false (and nothing written) when the key was seen. */
    async auditOnce(key: string, kioskId: string, line: NewAuditLine, at: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const claimed = await trx.insertInto('received_keys').values({ key, kiosk_id: kioskId, kind: 'audit', received_at: at })
          .onConflict((conflict) => conflict.column('key').doNothing()).executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
        await trx.insertInto('audit').values(line).execute();
        return true;
      });
    },
    /** Claims `key` for `kind`; false when it was already stored. */
    async claim(key: string, kioskId: string, kind: string, at: string): Promise<boolean> {
      const claimed = await db.insertInto('received_keys').values({ key, kiosk_id: kioskId, kind, received_at: at })
        .onConflict((conflict) => conflict.column('key').doNothing()).executeTakeFirst();
      return Number(claimed.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
  };
}
