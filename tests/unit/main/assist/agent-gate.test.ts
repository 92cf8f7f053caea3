import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AssistConfigSchema } from '../../../../kiosk-config/assist-schema';
import { hashPin } from '../../../../kiosk-config/secret-hash';
import { badgeHashOf } from '../../../../devices/codecs/badge-token';
import { AgentGate } from '../../../../main/assist/agent-gate';
import { openAssistJournal } from '../../../../main/assist/assist-journal';
import { captureLog } from '../../../support/capture-log';

const MARIE_PIN = '1357';
const KARIM_PIN = '8642';
const KARIM_BADGE = '04:A2:19:7C:33:5E:80';
let hashes: { marie: string; karim: string };
beforeAll(async () => { hashes = { marie: await hashPin(MARIE_PIN), karim: await hashPin(KARIM_PIN) }; });

const folders: string[] = [];
afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });

/** A gate on a journal in a fresh folder (or `stateDir`), its clock moved by hand. */
async function openGate(stateDir?: string) {
  const dir = stateDir ?? folders[folders.push(mkdtempSync(path.join(tmpdir(), 'borne-agent-gate-'))) - 1]!;
  const clock = { now: Date.UTC(2026, 0, 1, 9, 0, 0) };
  const { log, lines } = captureLog();
  const journal = await openAssistJournal(dir, log);
  const config = AssistConfigSchema.parse({
    agents: [
      { id: 'marie', name: 'Marie', pinHash: hashes.marie },
      { id: 'karim', name: 'Karim', pinHash: hashes.karim, badgeHash: badgeHashOf(KARIM_BADGE) },
    ],
    maxAttempts: 3,
    lockoutMinutes: 10,
  });
  const gate = new AgentGate(config, journal, log, () => clock.now);
  const minutes = (n: number) => { clock.now += n * 60_000; };
  const journalLines = () => readFileSync(path.join(dir, 'assist-audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  return { gate, lines, minutes, dir, journalLines };
}

describe('the agents\' login gate', () => {
  it('accepts each agent with their own PIN only, and names them', async () => {
    const { gate } = await openGate();
    expect(await gate.checkPin('marie', MARIE_PIN)).toEqual({ verdict: 'accepted', agent: { id: 'marie', name: 'Marie' } });
    expect(await gate.checkPin('karim', KARIM_PIN)).toEqual({ verdict: 'accepted', agent: { id: 'karim', name: 'Karim' } });
    expect(await gate.checkPin('marie', KARIM_PIN)).toEqual({ verdict: 'wrong', attemptsLeft: 2 });
  });

  it('counts an unknown agent as a wrong try, and journals no name for it', async () => {
    const { gate, journalLines } = await openGate();
    expect(await gate.checkPin('nobody', MARIE_PIN)).toEqual({ verdict: 'wrong', attemptsLeft: 2 });
    expect(journalLines()).toMatchObject([{ event: 'agent-login-wrong', by: 'pin', agent: null, failures: 1 }]);
  });

  it('locks the whole login after maxAttempts wrong tries, whichever agents they named, refuses unchecked meanwhile, and opens after', async () => {
    const { gate, minutes } = await openGate();
    await gate.checkPin('marie', '0000');
    await gate.checkPin('karim', '0000');
    expect(await gate.checkPin('marie', '0000')).toEqual({ verdict: 'locked', minutesLeft: 10 });
    minutes(4);
    expect(await gate.checkPin('marie', MARIE_PIN)).toEqual({ verdict: 'locked', minutesLeft: 6 });
    expect(await gate.checkBadge(KARIM_BADGE)).toEqual({ verdict: 'locked', minutesLeft: 6 });
    minutes(6);
    expect(await gate.checkPin('marie', MARIE_PIN)).toMatchObject({ verdict: 'accepted' });
  });

  it('keeps the lock across a restart: it is read back from the journal', async () => {
    const first = await openGate();
    for (let i = 0; i < 3; i++) await first.gate.checkPin('marie', '0000');
    const again = await openGate(first.dir);
    expect(again.gate.lockedMinutesLeft()).toBe(10);
    expect(await again.gate.checkPin('marie', MARIE_PIN)).toMatchObject({ verdict: 'locked' });
  });

  it('journals every try with the lock it left, and never a PIN', async () => {
    const { gate, journalLines, lines } = await openGate();
    await gate.checkPin('marie', '0000');
    await gate.checkPin('marie', MARIE_PIN);
    expect(journalLines()).toMatchObject([
      { event: 'agent-login-wrong', by: 'pin', agent: 'marie', failures: 1, lockedUntil: null, seq: 1 },
      { event: 'agent-login', by: 'pin', agent: 'marie', failures: 0, lockedUntil: null, seq: 2 },
    ]);
    const written = JSON.stringify(journalLines()) + JSON.stringify(lines);
    expect(written).not.toContain(MARIE_PIN);
    expect(written).not.toContain('0000');
  });

  it('lets a known badge in by its hash, and counts an unknown badge as a wrong try', async () => {
    const { gate, journalLines } = await openGate();
    expect(await gate.checkBadge(KARIM_BADGE)).toEqual({ verdict: 'accepted', agent: { id: 'karim', name: 'Karim' } });
    expect(await gate.checkBadge('04:00:00:00:00:00:00')).toEqual({ verdict: 'wrong', attemptsLeft: 2 });
    expect(JSON.stringify(journalLines())).not.toContain(KARIM_BADGE);
    expect(journalLines()).toMatchObject([{ event: 'agent-login', by: 'badge', agent: 'karim' }, { event: 'agent-login-wrong', by: 'badge', agent: null }]);
  });
});
