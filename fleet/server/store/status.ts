import type { Kysely } from 'kysely';
import { KioskStatusSchema, type KioskStatus } from '../../../common/fleet-messages';
import type { FleetDatabase } from './schema';

export interface HeardStatus {
  kioskId: string;
  heardAt: string;
  status: KioskStatus;
}

/** The latest status of each kiosk, and its history for the console's charts. */
export function statusQueries(db: Kysely<FleetDatabase>) {
  return {
    /** Keeps `status` as the kiosk's latest and adds it to the history, in one transaction. */
    async save(kioskId: string, status: KioskStatus, heardAt: string): Promise<void> {
      const text = JSON.stringify(status);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('kiosk_status').values({ kiosk_id: kioskId, heard_at: heardAt, status: text })
          .onConflict((conflict) => conflict.column('kiosk_id').doUpdateSet({ heard_at: heardAt, status: text }))
          .execute();
        await trx.insertInto('status_history').values({ kiosk_id: kioskId, at: heardAt, status: text }).execute();
        await trx.updateTable('kiosks').set({ last_seen_at: heardAt }).where('id', '=', kioskId).execute();
      });
    },
    async latest(kioskId: string): Promise<HeardStatus | undefined> {
      const row = await db.selectFrom('kiosk_status').selectAll().where('kiosk_id', '=', kioskId).executeTakeFirst();
      return row ? heard(row.kiosk_id, row.heard_at, row.status) : undefined;
    },
    /** Every kiosk's latest status; a row that no longer parses (written by another version) is left out. */
    async allLatest(): Promise<HeardStatus[]> {
      const rows = await db.selectFrom('kiosk_status').selectAll().execute();
      return rows.flatMap((row) => heard(row.kiosk_id, row.heard_at, row.status) ?? []);
    },
    /** A kiosk's statuses from `since` on, oldest first. */
    async history(kioskId: string, since: string): Promise<HeardStatus[]> {
      const rows = await db.selectFrom('status_history').selectAll().where('kiosk_id', '=', kioskId).where('at', '>=', since).orderBy('at').orderBy('id').execute();
      return rows.flatMap((row) => heard(row.kiosk_id, row.at, row.status) ?? []);
    },
    /** Drops history older than `before`; returns how many rows went. */
    async prune(before: string): Promise<number> {
      const result = await db.deleteFrom('status_history').where('at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function heard(kioskId: string, heardAt: string, text: string): HeardStatus | undefined {
  try {
    const parsed = KioskStatusSchema.safeParse(JSON.parse(text));
    return parsed.success ? { kioskId, heardAt, status: parsed.data } : undefined;
  } catch {
    return undefined;
  }
}
