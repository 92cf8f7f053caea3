import { sql, type ColumnDefinitionBuilder as ColumnBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { StoreEngine } from './open';

/**
 * One list of migrations for both engines. The only difference they know of is how an auto-numbered
 * key is spelt (SQLite's `integer primary key autoincrement`, PostgreSQL's `serial`).
 * Never edit a migration that has shipped: add the next one.
 */
export function fleetMigrations(engine: StoreEngine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-accounts-kiosks-audit': { up: (db) => createFirstTables(db, engine) },
    '0002-fleet-state': { up: (db) => createFleetStateTables(db, engine) },
    // Both engines know partial indexes: one open alert per kiosk and rule, even with several servers evaluating.
    '0003-alerts-one-open': { up: (db) => db.schema.createIndex('alerts_one_open').on('alerts').columns(['kiosk_id', 'rule']).unique().where(sql.ref('cleared_at'), 'is', null).execute() },
    '0004-releases': { up: (db) => createReleaseTables(db) },
  };
  return { getMigrations: async () => migrations };
}

/** An auto-numbered primary key, spelt as each engine wants it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const autoId = (engine: StoreEngine) => (table: any) => table.addColumn('id', engine === 'postgres' ? 'serial' : 'integer', (c: any) =>
  engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
);

// Kysely<any>: a migration runs against the tables as they were then, not as schema.ts says they are now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createFirstTables(db: Kysely<any>, engine: StoreEngine): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('administrator', 'operator', 'viewer')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kiosks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'approved', 'revoked')`))
    .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .execute();

  await db.schema
    .createTable('enrolment_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by_kiosk', 'text', (c) => c.references('kiosks.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit')
    .addColumn('id', engine === 'postgres' ? 'serial' : 'integer', (c) =>
      engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('kiosk_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_kiosk').on('audit').columns(['kiosk_id', 'id']).execute();
}

/** What kiosks report over MQTT and what the console sends them (docs/fleet-protocol.md). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createFleetStateTables(db: Kysely<any>, engine: StoreEngine): Promise<void> {
  await db.schema
    .createTable('kiosk_status')
    .addColumn('kiosk_id', 'text', (c) => c.primaryKey().references('kiosks.id').onDelete('cascade'))
    .addColumn('heard_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();

  await autoId(engine)(db.schema.createTable('status_history'))
    .addColumn('kiosk_id', 'text', (c: ColumnBuilder) => c.notNull().references('kiosks.id').onDelete('cascade'))
    .addColumn('at', 'text', (c: ColumnBuilder) => c.notNull())
    .addColumn('status', 'text', (c: ColumnBuilder) => c.notNull())
    .execute();
  await db.schema.createIndex('status_history_kiosk_at').on('status_history').columns(['kiosk_id', 'at']).execute();
  await db.schema.createIndex('status_history_at').on('status_history').column('at').execute();

  await db.schema
    .createTable('received_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('usage_events')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text')
    .addColumn('language', 'text')
    .addColumn('site', 'text')
    .addColumn('device_kind', 'text')
    .addColumn('outcome', 'text')
    .addColumn('duration_seconds', 'integer')
    .addColumn('rating', 'text')
    .addColumn('dropped', 'integer')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('usage_events_day').on('usage_events').columns(['day', 'kiosk_id']).execute();

  await db.schema
    .createTable('kiosk_configs')
    .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kiosk_configs_pk', ['kiosk_id', 'version'])
    .execute();
  await db.schema.alterTable('kiosks').addColumn('config_reported_version', 'integer').execute();
  await db.schema.alterTable('kiosks').addColumn('config_error', 'text').execute();
  await db.schema.alterTable('kiosks').addColumn('group_name', 'text').execute();

  await db.schema
    .createTable('commands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery in ('online-only', 'queued')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'sent', 'succeeded', 'failed', 'expired', 'refused')`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('result_at', 'text')
    .addColumn('error', 'text')
    .addColumn('attachment', 'text')
    .execute();
  await db.schema.createIndex('commands_kiosk_state').on('commands').columns(['kiosk_id', 'state']).execute();

  await autoId(engine)(db.schema.createTable('alerts'))
    .addColumn('kiosk_id', 'text', (c: ColumnBuilder) => c.references('kiosks.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c: ColumnBuilder) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('raised_at', 'text', (c: ColumnBuilder) => c.notNull())
    .addColumn('cleared_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema.createIndex('alerts_open').on('alerts').columns(['kiosk_id', 'rule', 'cleared_at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

/** Software releases and their staged rollouts (fleet/server/updates/). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createReleaseTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('releases')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('release_notes', 'text')
    .addColumn('release_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rollouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull().unique())
    .addColumn('version', 'text', (c) => c.notNull().references('releases.version'))
    .addColumn('from_version', 'text', (c) => c.references('releases.version'))
    .addColumn('stages', 'text', (c) => c.notNull())
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('running', 'paused', 'complete', 'rolled-back')`))
    .addColumn('health_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
