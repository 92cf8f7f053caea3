import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { fleetMigrations } from './migrations';
import type { FleetDatabase } from './schema';

export type StoreEngine = 'sqlite' | 'postgres';

/** Where the store lives: a SQLite file (the embedded default) or a PostgreSQL URL (at scale). */
export type StoreLocation = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface OpenedDatabase {
  db: Kysely<FleetDatabase>;
  engine: StoreEngine;
}

/** Reads `--database`: a postgres:// or postgresql:// URL, anything else is refused with the reason. */
export function postgresLocation(url: string): StoreLocation | { error: string } {
  if (!/^postgres(ql)?:\/\//.test(url)) return { error: `--database must be a postgres:// URL, not ${JSON.stringify(url)}` };
  return { engine: 'postgres', url };
}

/** Opens the store and brings its tables to the latest migration before anything reads them. */
export async function openDatabase(location: StoreLocation): Promise<OpenedDatabase> {
  const db = new Kysely<FleetDatabase>({ dialect: dialectFor(location) });
  const { error } = await new Migrator({ db, provider: fleetMigrations(location.engine) }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, engine: location.engine };
}

function dialectFor(location: StoreLocation) {
  if (location.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    // An idle connection PostgreSQL ends (a restart, a failover, an administrator) is an 'error' on the pool:
    // unheard, it would kill the server. The pool drops that connection and opens a new one when next asked.
    pool.on('error', (error) => process.stderr.write(`fleet store: PostgreSQL ended an idle connection (${error.message}); the next query opens a new one\n`));
    return new PostgresDialect({ pool });
  }
  const database = new BetterSqlite3(location.file);
  // WAL lets the console read while the API writes; foreign keys are off in SQLite unless asked for.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  return new SqliteDialect({ database });
}
