import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../fleet/server/store/store';
import { startPostgres, type TestPostgres } from '../../support/postgres';

describe('the fleet store on PostgreSQL', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(() => postgres?.stop());

  it('keeps the server running when PostgreSQL ends its idle connections, and answers the next query', async () => {
    const url = await postgres.freshDatabase();
    const store = await openStore({ engine: 'postgres', url });
    const uncaught: Error[] = [];
    const note = (error: Error) => uncaught.push(error);
    process.on('uncaughtException', note);
    try {
      // Several queries at once leave several idle connections in the pool.
      await Promise.all([store.accounts.any(), store.kiosks.list(), store.audit.recent({ limit: 1 })]);
      expect(await postgres.endConnections(new URL(url).pathname.slice(1))).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await store.accounts.any()).toBe(false);
      expect(uncaught.map((error) => error.message)).toEqual([]);
    } finally {
      process.off('uncaughtException', note);
      await store.close();
    }
  });
});
