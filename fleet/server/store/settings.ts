import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { FleetDatabase } from './schema';

/** Server settings, one JSON text per name; the caller parses each with its own schema. */
export function settingQueries(db: Kysely<FleetDatabase>) {
  return {
    async get(name: string): Promise<string | undefined> {
      const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
      return row?.value;
    },
    /** The value read with `schema`; undefined when none is stored or it no longer parses (written by another version). */
    async parsed<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined> {
      const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
      if (row === undefined) return undefined;
      try {
        const parsed = schema.safeParse(JSON.parse(row.value));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async put(name: string, value: string): Promise<void> {
      await db.insertInto('settings').values({ name, value })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ value }))
        .execute();
    },
  };
}
