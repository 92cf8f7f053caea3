import type { Kysely } from 'kysely';
import type { AuditLine, FleetDatabase, NewAuditLine } from './schema';

/** The audit log only grows: there is deliberately no update or delete here. */
export function auditQueries(db: Kysely<FleetDatabase>) {
  return {
    async append(line: NewAuditLine): Promise<void> {
      await db.insertInto('audit').values(line).execute();
    },
    /** Newest first, `limit` lines, before the line id `before` when paging back. */
    recent(options: { limit: number; before?: number; kioskId?: string }): Promise<AuditLine[]> {
      let query = db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(options.limit);
      if (options.before !== undefined) query = query.where('id', '<', options.before);
      if (options.kioskId !== undefined) query = query.where('kiosk_id', '=', options.kioskId);
      return query.execute();
    },
  };
}
