import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { killGroupAndWait, liveMembersOf } from '../../../../../main/shells/chromium/process-group';

describe('ending a process group', () => {
  it('kills every member, children that outlive the leader included, and resolves once none runs', async () => {
    // A leader with two children in its own group, as Chromium and its helpers.
    const leader = spawn('sh', ['-c', 'sleep 30 & sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    await once(leader, 'spawn');
    await expect.poll(async () => (await liveMembersOf(leader.pid!)).length).toBe(3);

    expect(await killGroupAndWait(leader.pid!)).toBe(true);

    expect(await liveMembersOf(leader.pid!)).toEqual([]);
  });

  it('answers at once for a group that is already gone', async () => {
    const leader = spawn('true', [], { detached: true, stdio: 'ignore' });
    await once(leader, 'exit');
    expect(await killGroupAndWait(leader.pid!)).toBe(true);
  });
});
