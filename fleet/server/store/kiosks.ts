import type { Kysely } from 'kysely';
import type { FleetDatabase, Kiosk, KioskState } from './schema';

/** A kiosk as the console sees it: everything but its credential's hash. */
export type KioskView = Omit<Kiosk, 'credential_hash'>;
const VIEW = ['id', 'name', 'state', 'created_at', 'last_seen_at', 'config_reported_version', 'config_error', 'group_name'] as const;

export function kioskQueries(db: Kysely<FleetDatabase>) {
  return {
    list(): Promise<KioskView[]> {
      return db.selectFrom('kiosks').select(VIEW).orderBy('created_at').orderBy('id').execute();
    },
    byId(id: string): Promise<KioskView | undefined> {
      return db.selectFrom('kiosks').select(VIEW).where('id', '=', id).executeTakeFirst();
    },
    byCredentialHash(credentialHash: string): Promise<KioskView | undefined> {
      return db.selectFrom('kiosks').select(VIEW).where('credential_hash', '=', credentialHash).executeTakeFirst();
    },
    /** Moves a kiosk to `to` only from one of `from`; false when the kiosk is absent or in another state. */
    async move(id: string, from: readonly KioskState[], to: KioskState): Promise<boolean> {
      const result = await db.updateTable('kiosks').set({ state: to }).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /** Puts the kiosk in a rollout and filter group, or in none (null); false when there is no such kiosk. */
    async setGroup(id: string, group: string | null): Promise<boolean> {
      const result = await db.updateTable('kiosks').set({ group_name: group }).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async seen(id: string, at: string): Promise<void> {
      await db.updateTable('kiosks').set({ last_seen_at: at }).where('id', '=', id).execute();
    },
  };
}
