import type { Kysely } from 'kysely';
import type { CommandsTable, FleetDatabase } from './schema';

export type CommandRow = CommandsTable;

/** Commands issued from the console, their delivery and their result. */
export function commandQueries(db: Kysely<FleetDatabase>) {
  return {
    async create(row: CommandRow): Promise<void> {
      await db.insertInto('commands').values(row).execute();
    },
    byId(id: string): Promise<CommandRow | undefined> {
      return db.selectFrom('commands').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Newest first. */
    list(kioskId: string, limit = 100): Promise<CommandRow[]> {
      return db.selectFrom('commands').selectAll().where('kiosk_id', '=', kioskId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    },
    /** Queued commands still worth sending to the kiosk, oldest first. */
    deliverable(kioskId: string, now: string): Promise<CommandRow[]> {
      return db.selectFrom('commands').selectAll().where('kiosk_id', '=', kioskId).where('state', '=', 'queued').where('expires_at', '>', now).orderBy('created_at').execute();
    },
    async sent(id: string, at: string): Promise<void> {
      await db.updateTable('commands').set({ state: 'sent', sent_at: at }).where('id', '=', id).where('state', '=', 'queued').execute();
    },
    /**
     * The kiosk's connection dropped: a queued command sent without a result may never have reached it,
     * so it goes back to the queue (the kiosk runs a command id once, so a second delivery is harmless).
     */
    async requeueUnanswered(kioskId: string): Promise<void> {
      await db.updateTable('commands').set({ state: 'queued' }).where('kiosk_id', '=', kioskId).where('delivery', '=', 'queued').where('state', '=', 'sent').execute();
    },
    /** Records the kiosk's result once; false when the command is not the kiosk's or already has one. */
    async finish(input: { id: string; kioskId: string; ok: boolean; error: string | null; at: string }): Promise<boolean> {
      const result = await db.updateTable('commands')
        .set({ state: input.ok ? 'succeeded' : 'failed', result_at: input.at, error: input.error })
        .where('id', '=', input.id).where('kiosk_id', '=', input.kioskId).where('state', 'in', ['queued', 'sent'])
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async attach(id: string, fileName: string): Promise<void> {
      await db.updateTable('commands').set({ attachment: fileName }).where('id', '=', id).execute();
    },
    /** Commands past their expiry without a result are expired; returns them, for the audit. */
    async expire(now: string): Promise<CommandRow[]> {
      const due = await db.selectFrom('commands').selectAll().where('state', 'in', ['queued', 'sent']).where('expires_at', '<=', now).execute();
      if (due.length === 0) return [];
      await db.updateTable('commands').set({ state: 'expired' }).where('id', 'in', due.map((row) => row.id)).where('state', 'in', ['queued', 'sent']).execute();
      return due;
    },
  };
}
