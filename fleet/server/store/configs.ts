import type { Kysely } from 'kysely';
import type { FleetDatabase } from './schema';

export interface StoredConfig {
  kioskId: string;
  version: number;
  /** The profile as the console sent it, already checked against kiosk-config's schema. */
  config: unknown;
  createdBy: string;
  createdAt: string;
}

/** Desired configurations by version (the highest is the desired one) and what each kiosk reports running. */
export function configQueries(db: Kysely<FleetDatabase>) {
  return {
    /**
     * Stores `config` as the kiosk's next version. Two administrators saving at once cannot both get the
     * same version: the (kiosk, version) primary key refuses the second insert, which then tries again.
     */
    async add(input: { kioskId: string; config: unknown; createdBy: string; at: string }): Promise<StoredConfig> {
      for (let attempt = 0; ; attempt++) {
        const top = await db.selectFrom('kiosk_configs').select((eb) => eb.fn.max('version').as('v')).where('kiosk_id', '=', input.kioskId).executeTakeFirst();
        const version = Number(top?.v ?? 0) + 1;
        try {
          await db.insertInto('kiosk_configs').values({
            kiosk_id: input.kioskId, version, config: JSON.stringify(input.config), created_by: input.createdBy, created_at: input.at,
          }).execute();
          return { kioskId: input.kioskId, version, config: input.config, createdBy: input.createdBy, createdAt: input.at };
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
    },
    async latest(kioskId: string): Promise<StoredConfig | undefined> {
      const row = await db.selectFrom('kiosk_configs').selectAll().where('kiosk_id', '=', kioskId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row ? stored(row) : undefined;
    },
    /** Each kiosk's desired configuration, to publish again (retained) when the server starts. */
    async allLatest(): Promise<StoredConfig[]> {
      const rows = await db.selectFrom('kiosk_configs as c').selectAll('c')
        .where(({ eb, selectFrom }) => eb('c.version', '=', selectFrom('kiosk_configs as d').select((d) => d.fn.max('d.version').as('m')).whereRef('d.kiosk_id', '=', 'c.kiosk_id')))
        .execute();
      return rows.map(stored);
    },
    /** What the kiosk says it runs, and why it refused the desired one if it did (null when it did not). */
    async reported(kioskId: string, version: number, error: string | null): Promise<void> {
      await db.updateTable('kiosks').set({ config_reported_version: version, config_error: error }).where('id', '=', kioskId).execute();
    },
  };
}

function stored(row: { kiosk_id: string; version: number; config: string; created_by: string; created_at: string }): StoredConfig {
  return { kioskId: row.kiosk_id, version: Number(row.version), config: JSON.parse(row.config) as unknown, createdBy: row.created_by, createdAt: row.created_at };
}
