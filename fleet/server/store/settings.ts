import type { Kysely } from 'kysely';
import type { FleetDatabase } from './schema';

/** Server settings, one JSON text per name; the caller parses each with its own schema. */
export function settingQueries(db: Kysely<FleetDatabase>) {
  return {
    async get(name: string): Promise<string | undefined> {
      const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
      return row?.value;
    },
    async put(name: string, value: string): Promise<void> {
      await db.insertInto('settings').values({ name, value })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ value }))
        .execute();
    },
  };
}
