import type { Kysely } from 'kysely';
import type { UsageRecord } from '../../../common/usage-events';
import type { FleetDatabase, UsageEventsTable } from './schema';

/** The anonymous usage events kiosks send, one row each, keyed by the kiosk's idempotency key. */
export function usageQueries(db: Kysely<FleetDatabase>) {
  return {
    /** Stores records a kiosk sent; a key already stored is left as it is, so a resent batch counts once. */
    async record(kioskId: string, records: readonly { key: string; record: UsageRecord }[], receivedAt: string): Promise<void> {
      if (records.length === 0) return;
      const rows = records.map(({ key, record }) => usageRow(kioskId, key, record, receivedAt));
      await db.insertInto('usage_events').values(rows).onConflict((conflict) => conflict.column('key').doNothing()).execute();
    },
    /** Rows stored, for checks; statistics group them in SQL instead. */
    async count(): Promise<number> {
      const row = await db.selectFrom('usage_events').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** Spreads an event into the columns statistics group by; the fields an event does not have stay null. */
function usageRow(kioskId: string, key: string, { day, event }: UsageRecord, receivedAt: string): UsageEventsTable {
  const row: UsageEventsTable = {
    key, kiosk_id: kioskId, day, type: event.type, procedure: null, language: null, site: null, device_kind: null,
    outcome: null, duration_seconds: null, rating: null, dropped: null, received_at: receivedAt,
  };
  switch (event.type) {
    case 'language-chosen': return { ...row, language: event.language };
    case 'measurement-taken': return { ...row, device_kind: event.kind };
    case 'procedure-chosen': return { ...row, procedure: event.procedure };
    case 'site-opened': return { ...row, site: event.origin, procedure: event.procedure ?? null };
    case 'visit-ended': return { ...row, outcome: event.outcome, duration_seconds: event.durationSeconds };
    case 'satisfaction': return { ...row, rating: event.rating };
    case 'usage-dropped': return { ...row, dropped: event.count };
    case 'visit-started':
    case 'help-asked': return row;
  }
}
