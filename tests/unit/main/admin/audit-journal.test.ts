import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditJournal } from '../../../../main/admin/audit-journal';

const folders: string[] = [];
function journalFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'borne-journal-'));
  folders.push(folder);
  return path.join(folder, 'state', 'admin-audit.jsonl');
}
afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });

const wrong = { event: 'pin-wrong' as const, failures: 1, lockedUntil: null };

describe('the administrator audit journal', () => {
  it('appends one JSON line per entry, numbered, with the time and no PIN', async () => {
    const file = journalFile();
    const { journal } = await AuditJournal.open(file, { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
    await journal.append(wrong);
    await journal.append({ event: 'maintenance-on', source: 'panel' });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { ...wrong, seq: 1, at: '2026-01-02T03:04:05.000Z' },
      { event: 'maintenance-on', source: 'panel', seq: 2, at: '2026-01-02T03:04:05.000Z' },
    ]);
  });

  it('gives the fleet agent what it has not sent yet, and keeps numbering across restarts', async () => {
    const file = journalFile();
    const first = (await AuditJournal.open(file)).journal;
    await first.append(wrong);
    await first.append(wrong);
    const { journal } = await AuditJournal.open(file);
    await journal.append({ event: 'restart', source: 'panel' });
    expect(journal.since(1).map((e) => [e.seq, e.event])).toEqual([[2, 'pin-wrong'], [3, 'restart']]);
  });

  it('keeps a bounded ring in memory', async () => {
    const { journal } = await AuditJournal.open(journalFile(), { ringSize: 3 });
    for (let i = 0; i < 5; i++) await journal.append(wrong);
    expect(journal.since(0).map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('rotates the file past its size limit, keeping one previous file, and reads both back', async () => {
    const file = journalFile();
    const { journal } = await AuditJournal.open(file, { maxFileBytes: 200 });
    for (let i = 0; i < 8; i++) await journal.append(wrong);
    expect(readFileSync(file, 'utf8').length).toBeLessThan(400);
    expect(readFileSync(`${file}.1`, 'utf8').length).toBeGreaterThan(0);
    const reopened = (await AuditJournal.open(file)).journal;
    expect(reopened.since(0).at(-1)?.seq).toBe(8);
  });

  it('skips and counts lines it cannot read, instead of failing to start', async () => {
    const file = journalFile();
    const { journal } = await AuditJournal.open(file);
    await journal.append(wrong);
    writeFileSync(file, `${readFileSync(file, 'utf8')}not json\n{"seq":"x"}\n`);
    const reopened = await AuditJournal.open(file);
    expect(reopened.skippedLines).toBe(2);
    expect(reopened.journal.since(0)).toHaveLength(1);
  });
});
