import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../common/fleet-messages';
import { Outbox } from '../../../../main/fleet/outbox';
import { collectReports } from '../../../../main/fleet/report-sources';
import { UsageStore } from '../../../../main/usage/usage-store';
import { AuditJournal } from '../../../../main/admin/audit-journal';

const folders: string[] = [];
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  opened.splice(0).forEach((store) => store.close());
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'borne-outbox-'));
  folders.push(dir);
  return dir;
}
function open<T extends { close(): void }>(store: T): T {
  opened.push(store);
  return store;
}
const result = (): OutboxEntry => ({ kind: 'command-result', key: randomUUID(), result: { id: randomUUID(), ok: true, at: '2026-12-07T10:00:00.000Z' } });

describe('Outbox', () => {
  it('keeps each key once and deletes only what is acknowledged', () => {
    const outbox = open(Outbox.open(path.join(folder(), 'outbox.sqlite'), { maxRows: 100 }));
    const [a, b, c] = [result(), result(), result()];
    expect(outbox.add([a!, b!, c!])).toBe(3);
    expect(outbox.add([a!])).toBe(0);
    expect(outbox.acknowledge([b!.key, randomUUID()])).toBe(1);
    expect(outbox.oldest(10).map((entry) => entry.key)).toEqual([a!.key, c!.key]);
  });

  it('keeps its entries and the commands it ran across a reopen', () => {
    const file = path.join(folder(), 'outbox.sqlite');
    const first = Outbox.open(file, { maxRows: 100 });
    const entry = result();
    first.add([entry]);
    const command = randomUUID();
    expect(first.claimCommand(command, 1)).toBe(true);
    first.close();
    const again = open(Outbox.open(file, { maxRows: 100 }));
    expect(again.oldest(10)).toEqual([entry]);
    expect(again.claimCommand(command, 2)).toBe(false);
  });

  it('stays within its bound by dropping the oldest entries', () => {
    const outbox = open(Outbox.open(path.join(folder(), 'outbox.sqlite'), { maxRows: 5 }));
    const entries = Array.from({ length: 8 }, result);
    outbox.add(entries);
    expect(outbox.size).toBe(5);
    expect(outbox.oldest(10).map((entry) => entry.key)).toEqual(entries.slice(3).map((entry) => entry.key));
  });
});

describe('collectReports', () => {
  it('moves usage records into the outbox under their own id, once, and empties the usage store', () => {
    const dir = folder();
    const usage = open(UsageStore.open(path.join(dir, 'usage.sqlite'), { maxRows: 1000, maxAgeDays: 30 }));
    const outbox = open(Outbox.open(path.join(dir, 'outbox.sqlite'), { maxRows: 1000 }));
    for (let i = 0; i < 3; i++) usage.append({ type: 'visit-started' });
    const ids = usage.since(0, 10).map((stored) => stored.record.id);
    expect(collectReports(outbox, { usage: () => usage, audit: null })).toBe(3);
    expect(collectReports(outbox, { usage: () => usage, audit: null })).toBe(0);
    expect(usage.size).toBe(0);
    expect(outbox.oldest(10).map((entry) => entry.key)).toEqual(ids);
  });

  it('copies each administrator audit line once, with its action and outcome only', async () => {
    const dir = folder();
    const { journal } = await AuditJournal.open(path.join(dir, 'admin-audit.jsonl'));
    const outbox = open(Outbox.open(path.join(dir, 'outbox.sqlite'), { maxRows: 1000 }));
    await journal.append({ event: 'pin-wrong', failures: 1, lockedUntil: null });
    await journal.append({ event: 'maintenance-on', source: 'fleet' });
    expect(collectReports(outbox, { usage: () => null, audit: journal })).toBe(2);
    await journal.append({ event: 'restart', source: 'panel' });
    expect(collectReports(outbox, { usage: () => null, audit: journal })).toBe(1);
    const lines = outbox.oldest(10).map((entry) => (entry.kind === 'audit' ? { action: entry.line.action, result: entry.line.result } : null));
    expect(lines).toEqual([
      { action: 'pin-wrong', result: 'failures 1' },
      { action: 'maintenance-on', result: 'from the fleet' },
      { action: 'restart', result: 'from the panel' },
    ]);
  });
});
