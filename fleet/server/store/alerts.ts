import type { Kysely, Selectable } from 'kysely';
import type { AlertsTable, FleetDatabase } from './schema';

export type Alert = Selectable<AlertsTable>;
/** An alert as the console lists it: with its kiosk's name, which is not personal. */
export type AlertView = Alert & { kiosk_name: string | null };

/**
 * Alerts raised by the rules (fleet/server/alerts/). One open alert per kiosk and rule: a partial unique
 * index says so (migration 0003), so two servers evaluating at once raise it once between them.
 */
export function alertQueries(db: Kysely<FleetDatabase>) {
  const withKioskName = () => db.selectFrom('alerts').leftJoin('kiosks', 'kiosks.id', 'alerts.kiosk_id').selectAll('alerts').select('kiosks.name as kiosk_name');
  return {
    /** Every alert whose condition is not over, acknowledged or not. */
    open(): Promise<Alert[]> {
      return db.selectFrom('alerts').selectAll().where('cleared_at', 'is', null).orderBy('id').execute();
    },
    /** Newest first; `open` keeps only alerts whose condition is not over. */
    list({ open, limit }: { open?: boolean; limit: number }): Promise<AlertView[]> {
      let query = withKioskName();
      if (open === true) query = query.where('alerts.cleared_at', 'is', null);
      if (open === false) query = query.where('alerts.cleared_at', 'is not', null);
      return query.orderBy('alerts.raised_at', 'desc').orderBy('alerts.id', 'desc').limit(limit).execute();
    },
    byId(id: number): Promise<AlertView | undefined> {
      return withKioskName().where('alerts.id', '=', id).executeTakeFirst();
    },
    /** The new alert; undefined when one is open already for the kiosk and rule (another server raised it first). */
    async raise(alert: { kioskId: string | null; rule: string; detail: string; at: string }): Promise<Alert | undefined> {
      return db.insertInto('alerts')
        .values({ kiosk_id: alert.kioskId, rule: alert.rule, detail: alert.detail, raised_at: alert.at, cleared_at: null, acknowledged_by: null, acknowledged_at: null })
        .onConflict((conflict) => conflict.columns(['kiosk_id', 'rule']).where('cleared_at', 'is', null).doNothing())
        .returningAll()
        .executeTakeFirst();
    },
    /** The condition still holds but reads differently now (paper low, then out). */
    async redetail(id: number, detail: string): Promise<void> {
      await db.updateTable('alerts').set({ detail }).where('id', '=', id).execute();
    },
    async clear(id: number, at: string): Promise<Alert | undefined> {
      return db.updateTable('alerts').set({ cleared_at: at }).where('id', '=', id).where('cleared_at', 'is', null).returningAll().executeTakeFirst();
    },
    /** False when the alert is absent or someone acknowledged it already. */
    async acknowledge(id: number, by: string, at: string): Promise<boolean> {
      const result = await db.updateTable('alerts').set({ acknowledged_by: by, acknowledged_at: at })
        .where('id', '=', id).where('acknowledged_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
