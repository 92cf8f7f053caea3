import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AdminConfigSchema } from '../../../../kiosk-config/admin-schema';
import { AdminGate } from '../../../../main/admin/admin-gate';
import { AuditJournal } from '../../../../main/admin/audit-journal';
import { hashPin } from '../../../../kiosk-config/secret-hash';
import { captureLog } from '../../../support/capture-log';

const PIN = '2468';
let pinHash = '';
beforeAll(async () => { pinHash = await hashPin(PIN); });

const folders: string[] = [];
afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });

/** A gate on a journal in a fresh folder (or `file`), its clock moved by hand. */
async function openGate(file?: string) {
  const journalFile = file ?? path.join(folders[folders.push(mkdtempSync(path.join(tmpdir(), 'borne-gate-'))) - 1]!, 'admin-audit.jsonl');
  const clock = { now: Date.UTC(2026, 0, 1, 9, 0, 0) };
  const { log, lines } = captureLog();
  const { journal } = await AuditJournal.open(journalFile, { now: () => clock.now });
  const config = AdminConfigSchema.parse({ pinHash, maxAttempts: 5, lockoutMinutes: 15 });
  const gate = new AdminGate(config, journal, log, () => clock.now);
  const minutes = (n: number) => { clock.now += n * 60_000; };
  return { gate, journal, lines, minutes, file: journalFile };
}

const wrongTimes = async (gate: AdminGate, n: number) => { for (let i = 0; i < n; i++) await gate.check('731905'); };

describe('the administrator PIN gate', () => {
  it('accepts the right PIN and counts down the tries left on a wrong one', async () => {
    const { gate } = await openGate();
    expect(await gate.check('1111')).toEqual({ verdict: 'wrong', attemptsLeft: 4 });
    expect(await gate.check('1111')).toEqual({ verdict: 'wrong', attemptsLeft: 3 });
    expect(await gate.check(PIN)).toEqual({ verdict: 'accepted' });
    expect(await gate.check('1111')).toEqual({ verdict: 'wrong', attemptsLeft: 4 });
  });

  it('locks after five wrong PINs, refuses even the right one while locked, and opens again after the lock', async () => {
    const { gate, minutes } = await openGate();
    await wrongTimes(gate, 4);
    expect(await gate.check('0000')).toEqual({ verdict: 'locked', minutesLeft: 15 });
    minutes(10);
    expect(await gate.check(PIN)).toEqual({ verdict: 'locked', minutesLeft: 5 });
    expect(gate.lockedMinutesLeft()).toBe(5);
    minutes(5);
    expect(gate.lockedMinutesLeft()).toBeNull();
    expect(await gate.check(PIN)).toEqual({ verdict: 'accepted' });
  });

  it('logs and journals every attempt, the PIN never', async () => {
    const { gate, journal, lines } = await openGate();
    await wrongTimes(gate, 5);
    await gate.check(PIN);
    expect(journal.since(0).map((e) => e.event)).toEqual([...Array(5).fill('pin-wrong'), 'pin-refused-locked']);
    expect(lines.map((l) => l.msg)).toEqual([
      ...Array(5).fill('administrator PIN refused: wrong'), 'administrator PIN refused: locked, not checked',
    ]);
    expect(JSON.stringify([journal.since(0), lines])).not.toMatch(/731905|2468/);
  });

  it('stays locked across a restart: the lock is read back from the journal', async () => {
    const first = await openGate();
    await wrongTimes(first.gate, 5);
    const restarted = await openGate(first.file);
    expect(restarted.gate.lockedMinutesLeft()).toBe(15);
    expect(await restarted.gate.check(PIN)).toEqual({ verdict: 'locked', minutesLeft: 15 });
    expect(restarted.lines.some((l) => l.msg === 'administrator PIN screen still locked from before the restart')).toBe(true);
  });

  it('keeps the count of wrong PINs across a restart too', async () => {
    const first = await openGate();
    await wrongTimes(first.gate, 3);
    const restarted = await openGate(first.file);
    expect(await restarted.gate.check('731905')).toEqual({ verdict: 'wrong', attemptsLeft: 1 });
  });
});
