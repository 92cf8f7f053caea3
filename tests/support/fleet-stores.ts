import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openStore, type FleetStore } from '../../fleet/server/store/store';
import { startPostgres, type TestPostgres } from './postgres';

/**
 * The fleet store's two engines, for `describe.each(FLEET_ENGINES)`: every store and API test runs on a
 * SQLite file and on a real PostgreSQL, so one query that only one engine accepts fails a test.
 */
export const FLEET_ENGINES = ['sqlite', 'postgres'] as const;
export type FleetEngine = (typeof FLEET_ENGINES)[number];

/**
 * Call inside a describe: starts what the engine needs for the block (a PostgreSQL cluster) and returns
 * `fresh()`, which opens an empty, migrated store; everything opened is closed and deleted after the block.
 */
export function fleetStores(engine: FleetEngine): { fresh(): Promise<FleetStore> } {
  let postgres: TestPostgres | undefined;
  const opened: FleetStore[] = [];
  const folders: string[] = [];
  beforeAll(async () => {
    if (engine === 'postgres') postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await postgres?.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  return {
    async fresh() {
      let store: FleetStore;
      if (engine === 'postgres') {
        if (!postgres) throw new Error('PostgreSQL did not start');
        store = await openStore({ engine: 'postgres', url: await postgres.freshDatabase() });
      } else {
        const folder = mkdtempSync(path.join(tmpdir(), 'borne-fleet-'));
        folders.push(folder);
        store = await openStore({ engine: 'sqlite', file: path.join(folder, 'fleet.sqlite') });
      }
      opened.push(store);
      return store;
    },
  };
}
