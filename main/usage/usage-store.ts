import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { USAGE_SCHEMA_VERSION, UsageRecordSchema, type UsageEvent, type UsageRecord } from '../../common/usage-events';
import { localDay } from './local-day';

export interface UsageBounds {
  /** Rows kept at most; past it the oldest tenth goes at once, so the drop rows stay a small share. */
  maxRows: number;
  /** Events older than this many days are dropped unsent. */
  maxAgeDays: number;
}

/** A stored record and its place in the store, for the fleet agent's cursor. */
export interface StoredUsage {
  seq: number;
  record: UsageRecord;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS usage_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    day TEXT NOT NULL,
    schema INTEGER NOT NULL,
    event TEXT NOT NULL
  )`;

const DAY_MS = 86_400_000;
/** Appends after which the store checkpoints by itself, should nobody call `checkpoint()`. */
const CHECKPOINT_BACKSTOP = 1_000;

/**
 * The kiosk's local, append-only store of usage events, drained by the fleet agent. One SQLite file in
 * WAL mode: an append is one small insert, safe across a crash or a power cut. It never grows past its
 * bounds: the oldest rows are dropped first, and a `usage-dropped` row says how many, so the fleet
 * knows its counts for those days are short. Every method throws on an SQLite error (a corrupt or
 * unwritable file); the recorder above it decides what the kiosk does then.
 */
export class UsageStore {
  private readonly insert: Database.Statement;
  private rows: number;
  private appendsSinceCheckpoint = 0;
  private lastPrunedDay = '';

  private constructor(private readonly db: Database.Database, private readonly bounds: UsageBounds, private readonly now: () => number) {
    this.insert = db.prepare('INSERT INTO usage_events (id, day, schema, event) VALUES (?, ?, ?, ?)');
    this.rows = (db.prepare('SELECT count(*) AS n FROM usage_events').get() as { n: number }).n;
  }

  /** Opens (or creates) the store at `file` and applies the age bound at once; throws if the file is not a usable database. */
  static open(file: string, bounds: UsageBounds, now: () => number = Date.now): UsageStore {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      // WAL with NORMAL syncs at checkpoints, not at each append: a power cut may lose the last few
      // events, never the file. A usage count is worth less than a touch that waits for the disk.
      db.pragma('synchronous = NORMAL');
      // SQLite's own checkpoint would run inside whichever append fills the journal, syncing to disk
      // mid-visit (milliseconds, `npm run bench usage`); the recorder calls checkpoint() between visits.
      db.pragma('wal_autocheckpoint = 0');
      db.exec(SCHEMA);
      const store = new UsageStore(db, bounds, now);
      store.pruneExpired();
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Records one event under today's date. */
  append(event: UsageEvent): void {
    if (localDay(this.now()) !== this.lastPrunedDay) this.pruneExpired();
    this.write(event);
    if (this.rows > this.bounds.maxRows) this.pruneOldest();
    if (++this.appendsSinceCheckpoint >= CHECKPOINT_BACKSTOP) this.checkpoint();
  }

  /** Moves the journal's pages into the file, syncing both: a few milliseconds, for a moment when nobody waits. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
    this.appendsSinceCheckpoint = 0;
  }

  /** Up to `limit` records after `seq`, oldest first: what the fleet agent has not sent yet. A row that no longer parses is left out. */
  since(seq: number, limit: number): StoredUsage[] {
    const rows = this.db.prepare('SELECT seq, id, day, schema, event FROM usage_events WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(seq, limit) as Array<{ seq: number; id: string; day: string; schema: number; event: string }>;
    return rows.flatMap((row) => {
      const record = parseRecord(row);
      return record ? [{ seq: row.seq, record }] : [];
    });
  }

  /** Deletes every record up to `upTo` (the fleet confirmed it has them); returns how many went. */
  acknowledge(upTo: number): number {
    const { changes } = this.db.prepare('DELETE FROM usage_events WHERE seq <= ?').run(upTo);
    this.rows -= changes;
    return changes;
  }

  /** Rows in the store, drop rows included. */
  get size(): number {
    return this.rows;
  }

  close(): void {
    this.db.close();
  }

  private write(event: UsageEvent): void {
    this.insert.run(randomUUID(), localDay(this.now()), USAGE_SCHEMA_VERSION, JSON.stringify(event));
    this.rows++;
  }

  private pruneExpired(): void {
    const today = localDay(this.now());
    const oldestKept = localDay(this.now() - this.bounds.maxAgeDays * DAY_MS);
    this.drop('expired', 'day < ?', oldestKept);
    this.lastPrunedDay = today;
  }

  private pruneOldest(): void {
    // Down to nine tenths, the drop row included, so the next drop is a tenth of maxRows away.
    const keep = Math.floor(this.bounds.maxRows * 0.9) - 1;
    const last = this.db.prepare('SELECT seq FROM usage_events ORDER BY seq DESC LIMIT 1 OFFSET ?').get(keep) as { seq: number } | undefined;
    if (last) this.drop('full', 'seq <= ?', last.seq);
  }

  /** Deletes the rows `where` selects and writes one row counting the events lost, earlier drop rows' counts folded in. */
  private drop(reason: 'full' | 'expired', where: string, bound: string | number): void {
    this.db.transaction(() => {
      const earlier = this.db.prepare(`SELECT count(*) AS rows, coalesce(sum(json_extract(event, '$.count')), 0) AS lost
        FROM usage_events WHERE ${where} AND json_extract(event, '$.type') = 'usage-dropped'`).get(bound) as { rows: number; lost: number };
      const { changes } = this.db.prepare(`DELETE FROM usage_events WHERE ${where}`).run(bound);
      if (changes === 0) return;
      this.rows -= changes;
      this.write({ type: 'usage-dropped', count: changes - earlier.rows + earlier.lost, reason });
    })();
  }
}

/** A row read back from disk, validated: the file may have been written by another version, or damaged. */
function parseRecord(row: { id: string; day: string; schema: number; event: string }): UsageRecord | null {
  try {
    const parsed = UsageRecordSchema.safeParse({ schema: row.schema, id: row.id, day: row.day, event: JSON.parse(row.event) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
