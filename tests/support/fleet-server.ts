import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFleetApi } from '../../fleet/server/api/app';
import { hashPassword } from '../../fleet/server/auth/password';
import type { Role } from '../../fleet/server/store/schema';
import { openStore, type FleetStore } from '../../fleet/server/store/store';

export interface TestFleetServer {
  origin: string;
  store: FleetStore;
  /** Adds a console account straight into the store, as `npm run fleet` makes the first administrator. */
  account(username: string, role: Role, password: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real fleet server on a free loopback port, over a fresh SQLite store in a temporary folder, serving
 * the built console (dist/console: `npm run build` first). `close()` stops it and deletes the folder.
 */
export async function startFleetServer(): Promise<TestFleetServer> {
  const folder = mkdtempSync(path.join(tmpdir(), 'borne-fleet-e2e-'));
  const store = await openStore({ engine: 'sqlite', file: path.join(folder, 'fleet.sqlite') });
  const app = buildFleetApi({ store, stateDir: folder });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    origin,
    store,
    async account(username, role, password) {
      await store.accounts.create({ username, passwordHash: await hashPassword(password), role, at: new Date().toISOString() });
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
