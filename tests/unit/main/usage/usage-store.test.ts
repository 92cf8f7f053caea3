import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../../../common/usage-events';
import { UsageStore, type UsageBounds } from '../../../../main/usage/usage-store';

const DAY_MS = 86_400_000;
const started: UsageEvent = { type: 'visit-started' };
const french: UsageEvent = { type: 'language-chosen', language: 'fr' };

let folder: string;
let file: string;
let time: number;
const open: Array<UsageStore> = [];

/** A store on the temporary file, on a clock the test moves. */
function openStore(bounds: Partial<UsageBounds> = {}): UsageStore {
  const store = UsageStore.open(file, { maxRows: 1000, maxAgeDays: 90, ...bounds }, () => time);
  open.push(store);
  return store;
}
const events = (store: UsageStore) => store.since(0, 10_000).map((row) => row.record.event);

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'borne-usage-'));
  file = path.join(folder, 'state', 'usage.sqlite');
  time = new Date(2026, 10, 25, 14, 30).getTime();
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the usage store', () => {
  it('keeps each event with an id, the local day and the schema version, in order', () => {
    const store = openStore();
    store.append(started);
    store.append(french);
    const rows = store.since(0, 10);
    expect(rows.map((row) => row.record)).toEqual([
      { schema: 1, id: expect.stringMatching(/^[0-9a-f-]{36}$/), day: '2026-11-25', event: started },
      { schema: 1, id: expect.stringMatching(/^[0-9a-f-]{36}$/), day: '2026-11-25', event: french },
    ]);
    expect(rows[1]!.seq).toBeGreaterThan(rows[0]!.seq);
    expect(rows[0]!.record.id).not.toBe(rows[1]!.record.id);
  });

  it('survives a restart, and never gives a sequence number twice even once everything was acknowledged', () => {
    const first = openStore();
    first.append(started);
    first.append(french);
    const before = first.since(0, 10);
    first.close();
    open.length = 0;

    const reopened = openStore();
    expect(reopened.since(0, 10)).toEqual(before);
    reopened.acknowledge(before[1]!.seq);
    reopened.close();
    open.length = 0;

    const again = openStore();
    again.append(started);
    expect(again.since(0, 10).map((row) => row.seq)).toEqual([before[1]!.seq + 1]);
  });

  it('gives the fleet agent batches after its cursor, and deletes what it acknowledges', () => {
    const store = openStore();
    for (let i = 0; i < 5; i++) store.append(started);
    const batch = store.since(0, 2);
    expect(batch).toHaveLength(2);
    expect(store.acknowledge(batch[1]!.seq)).toBe(2);
    expect(store.size).toBe(3);
    const rest = store.since(0, 10);
    expect(rest.map((row) => row.seq)).toEqual([3, 4, 5].map((n) => batch[0]!.seq + n - 1));
    expect(store.since(rest[0]!.seq, 10)).toHaveLength(2);
  });

  it('past maxRows, drops the oldest tenth and writes one row counting them', () => {
    const store = openStore({ maxRows: 100 });
    for (let i = 0; i < 101; i++) store.append(i === 0 ? french : started);
    // The newest 89 events and the drop row: the next drop is ten appends away, not one.
    expect(store.size).toBe(90);
    const kept = events(store);
    expect(kept).not.toContainEqual(french);
    expect(kept.at(-1)).toEqual({ type: 'usage-dropped', count: 12, reason: 'full' });
    for (let i = 0; i < 10; i++) store.append(started);
    expect(store.size).toBe(100);
  });

  it('drops events older than maxAgeDays, on the first append of a day and on opening', () => {
    const store = openStore({ maxAgeDays: 10 });
    store.append(started);
    time += 5 * DAY_MS;
    store.append(french);
    time += 6 * DAY_MS;
    store.append(started);
    expect(events(store)).toEqual([french, { type: 'usage-dropped', count: 1, reason: 'expired' }, started]);
    store.close();
    open.length = 0;

    time += 30 * DAY_MS;
    const reopened = openStore({ maxAgeDays: 10 });
    // The earlier drop row expired too: its count is carried into the new one, so no loss goes unreported.
    expect(events(reopened)).toEqual([{ type: 'usage-dropped', count: 3, reason: 'expired' }]);
  });

  it('refuses a file that is not a database, and leaves it as it was', () => {
    const garbage = 'not a database, but a technician may want to look at it\n'.repeat(200);
    rmSync(path.dirname(file), { recursive: true, force: true });
    writeFileSync(path.join(folder, 'usage.sqlite'), garbage);
    file = path.join(folder, 'usage.sqlite');
    expect(() => openStore()).toThrow(/not a database/);
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });
});
