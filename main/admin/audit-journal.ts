import { appendFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log';

/**
 * What an administrator did or tried, for the fleet: never a PIN, never anything about a visitor.
 * Attempts carry the lock state they left (failures, lockedUntil), so the lock survives a restart.
 */
export type AuditEvent =
  | { event: 'pin-accepted' | 'pin-wrong' | 'pin-refused-locked'; failures: number; lockedUntil: number | null }
  | { event: 'maintenance-on' | 'maintenance-off' | 'restart' | 'exit-to-desktop'; source: 'panel' | 'fleet' };

/** An entry of a journal of `E` events (the administrator's by default; assisted mode keeps its own). */
export type JournalEntry<E> = E & {
  /** Increases by one per entry, across restarts: the fleet agent drains with `since(lastSent)`. */
  seq: number;
  /** ISO 8601, the kiosk's clock. */
  at: string;
};
export type AuditEntry = JournalEntry<AuditEvent>;

export interface AuditJournalOptions {
  /** Entries kept in memory for the fleet agent. */
  ringSize?: number;
  /** The file is rotated (the previous one kept as `<file>.1`) when it passes this size. */
  maxFileBytes?: number;
  now?: () => number;
}

/** What a journal needs besides the defaults: how to tell its own lines when reading them back. */
export interface JournalKind {
  /** True when a line read back from the file (already JSON, not yet trusted) is an event of this journal. */
  accepts(event: Record<string, unknown>): boolean;
}

/**
 * The administrator audit journal: an in-memory ring of the latest entries and an append-only JSON
 * Lines file under the kiosk's state folder, bounded by rotation to two files. Appends are written in
 * order, one at a time; a failed write is returned, and the entry still reaches the ring and the fleet.
 */
export class AuditJournal<E extends { event: string } = AuditEvent> {
  private readonly ring: JournalEntry<E>[] = [];
  private lastSeq = 0;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly ringSize: number,
    private readonly maxFileBytes: number,
    private readonly now: () => number,
    private readonly accepts: (event: Record<string, unknown>) => boolean,
  ) {}

  /** Opens (or starts) the journal at `file`, reading back what the previous runs wrote; unreadable lines are skipped and counted. */
  static async open(file: string, options?: AuditJournalOptions): Promise<{ journal: AuditJournal; skippedLines: number }>;
  static async open<E extends { event: string }>(file: string, options: AuditJournalOptions, kind: JournalKind): Promise<{ journal: AuditJournal<E>; skippedLines: number }>;
  static async open<E extends { event: string }>(file: string, options: AuditJournalOptions = {}, kind: JournalKind = ADMIN_EVENTS) {
    const journal = new AuditJournal<E>(file, options.ringSize ?? 500, options.maxFileBytes ?? 256 * 1024, options.now ?? Date.now, kind.accepts);
    let skippedLines = 0;
    for (const part of [`${file}.1`, file]) {
      const text = await readFile(part, 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const entry = parseEntry<E>(line, journal.accepts);
        if (entry) journal.remember(entry);
        else skippedLines++;
      }
    }
    return { journal, skippedLines };
  }

  /** Adds an entry; resolves once it is on disk. */
  append(event: E): Promise<JournalEntry<E>> {
    const entry = { ...event, seq: this.lastSeq + 1, at: new Date(this.now()).toISOString() } as JournalEntry<E>;
    this.remember(entry);
    const written = this.writing.then(() => this.write(entry));
    this.writing = written.catch(() => undefined);
    return written.then(() => entry);
  }

  /** Resolves once every entry appended so far is written (or failed to be). */
  async settled(): Promise<void> {
    await this.writing;
  }

  /** Entries after `seq` still in memory, oldest first: what the fleet agent has not sent yet. */
  since(seq: number): JournalEntry<E>[] {
    return this.ring.filter((entry) => entry.seq > seq);
  }

  /** The latest entry that matches, if it is still in memory. */
  latest<T extends JournalEntry<E>>(match: (entry: JournalEntry<E>) => entry is T): T | undefined {
    return this.ring.findLast(match);
  }

  private remember(entry: JournalEntry<E>): void {
    this.lastSeq = Math.max(this.lastSeq, entry.seq);
    this.ring.push(entry);
    if (this.ring.length > this.ringSize) this.ring.shift();
  }

  private async write(entry: JournalEntry<E>): Promise<void> {
    // Made on the first entry only: a kiosk nobody administers leaves nothing on disk.
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const size = await stat(this.file).then((s) => s.size, () => 0);
    if (size > this.maxFileBytes) await rename(this.file, `${this.file}.1`);
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }
}

/** Appends `event` and logs a failed write instead of throwing: the entry still reaches the ring and the fleet. */
export async function appendOrLog<E extends { event: string }>(journal: AuditJournal<E>, event: E, log: Logger): Promise<void> {
  await journal.append(event).catch((error: unknown) =>
    log.error({ err: error, file: journal.file }, 'could not write an audit journal'));
}

const EVENTS = new Set(['pin-accepted', 'pin-wrong', 'pin-refused-locked', 'maintenance-on', 'maintenance-off', 'restart', 'exit-to-desktop']);

/** The lock fields a PIN attempt carries, read back as untrusted. */
export const lockFieldsValid = (entry: Record<string, unknown>): boolean =>
  (entry.lockedUntil === undefined || entry.lockedUntil === null || Number.isFinite(entry.lockedUntil))
  && (entry.failures === undefined || Number.isSafeInteger(entry.failures));

const ADMIN_EVENTS: JournalKind = { accepts: (entry) => EVENTS.has(entry.event as string) && lockFieldsValid(entry) };

/** A line the journal wrote, or null: the file is on disk, so it is read as untrusted. */
function parseEntry<E>(line: string, accepts: (event: Record<string, unknown>) => boolean): JournalEntry<E> | null {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const ok = typeof entry === 'object' && entry !== null && Number.isSafeInteger(entry.seq) && typeof entry.at === 'string'
      && accepts(entry);
    return ok ? (entry as unknown as JournalEntry<E>) : null;
  } catch {
    return null;
  }
}
