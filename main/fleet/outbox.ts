import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OutboxEntrySchema, type OutboxEntry } from '../../common/fleet-messages';

export interface OutboxBounds {
  /** Entries kept at most; past it the oldest go first (a kiosk offline for weeks keeps its latest reports). */
  maxRows: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    entry TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS cursors (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS commands_run (id TEXT PRIMARY KEY, at INTEGER NOT NULL);`;

/** Command ids remembered at most: far more than a kiosk is sent while one command could still be resent. */
const COMMANDS_REMEMBERED = 10_000;

/**
 * The fleet agent's outbox: everything the kiosk reports is written here first, under its idempotency
 * key, and deleted only when the server acknowledges that key, so it survives hours offline, restarts
 * and power cuts. The same file remembers which command ids ran, so a command resent after a restart
 * is not run again. Like the usage store: SQLite in WAL mode; every method throws on an SQLite error.
 */
export class Outbox {
  private constructor(private readonly db: Database.Database, private readonly bounds: OutboxBounds) {}

  static open(file: string, bounds: OutboxBounds): Outbox {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.exec(SCHEMA);
      return new Outbox(db, bounds);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Adds entries; one whose key is already here is left as it is. Returns how many were new. */
  add(entries: readonly OutboxEntry[]): number {
    return this.addAndMove(entries, null);
  }

  /**
   * Adds entries taken from another source and moves that source's cursor in the same transaction,
   * so each source entry is copied once, whatever stops the kiosk in between.
   */
  addFrom(source: string, entries: readonly OutboxEntry[], cursor: number): number {
    return this.addAndMove(entries, { source, cursor });
  }

  /** Where a source was last read up to; 0 at first. */
  cursor(source: string): number {
    return (this.db.prepare('SELECT value FROM cursors WHERE name = ?').get(source) as { value: number } | undefined)?.value ?? 0;
  }

  /** The oldest `limit` entries, in the order they were written. A row that no longer parses is dropped. */
  oldest(limit: number): OutboxEntry[] {
    const rows = this.db.prepare('SELECT seq, entry FROM outbox ORDER BY seq LIMIT ?').all(limit) as Array<{ seq: number; entry: string }>;
    return rows.flatMap((row) => {
      const entry = parseEntry(row.entry);
      if (!entry) this.db.prepare('DELETE FROM outbox WHERE seq = ?').run(row.seq);
      return entry ? [entry] : [];
    });
  }

  /** Deletes the entries the server says it stored; keys not here (acknowledged twice) are ignored. Returns how many went. */
  acknowledge(keys: readonly string[]): number {
    const remove = this.db.prepare('DELETE FROM outbox WHERE key = ?');
    return this.db.transaction(() => keys.reduce((gone, key) => gone + remove.run(key).changes, 0))();
  }

  get size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }

  /**
   * Claims a command id: true the first time, false ever after. The claim is on disk before the command
   * runs, so a command that restarts or reboots the kiosk does not run again when it is resent.
   */
  claimCommand(id: string, at: number): boolean {
    const { changes } = this.db.prepare('INSERT OR IGNORE INTO commands_run (id, at) VALUES (?, ?)').run(id, at);
    if (changes > 0) {
      this.db.prepare('DELETE FROM commands_run WHERE id IN (SELECT id FROM commands_run ORDER BY at DESC LIMIT -1 OFFSET ?)').run(COMMANDS_REMEMBERED);
    }
    return changes > 0;
  }

  close(): void {
    this.db.close();
  }

  private addAndMove(entries: readonly OutboxEntry[], move: { source: string; cursor: number } | null): number {
    const insert = this.db.prepare('INSERT OR IGNORE INTO outbox (key, entry) VALUES (?, ?)');
    const added = this.db.transaction(() => {
      const count = entries.reduce((n, entry) => n + insert.run(entry.key, JSON.stringify(entry)).changes, 0);
      if (move) this.db.prepare('INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(move.source, move.cursor);
      return count;
    })();
    if (added > 0) this.bound();
    return added;
  }

  private bound(): void {
    const over = this.size - this.bounds.maxRows;
    if (over > 0) this.db.prepare('DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq LIMIT ?)').run(over);
  }
}

/** An entry read back from disk, validated: the file may be damaged or written by another version. */
function parseEntry(text: string): OutboxEntry | null {
  try {
    const parsed = OutboxEntrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
