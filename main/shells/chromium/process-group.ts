import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * The processes of a group that are still alive (zombies, which can no longer write, excluded), read
 * from /proc: `/proc/<pid>/stat` is `pid (comm) state ppid pgrp …`, and comm may hold spaces or
 * parentheses, so the fields are counted from its last ')'.
 */
export async function liveMembersOf(pgid: number): Promise<number[]> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((entry) => /^\d+$/.test(entry));
  const members: number[] = [];
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(pid));
  }
  return members;
}

/**
 * SIGKILLs a process group and resolves once none of it runs any more, or after `timeoutMs`
 * (answering false). A signal is only queued when kill() returns: a helper in the middle of a
 * system call finishes it first, so a folder it writes to is not done with until the group is gone.
 * Deleting a browser profile before then fails with ENOTEMPTY, whatever the retries (rm's retry
 * loop only retries the last rmdir, never the files created meanwhile).
 */
export async function killGroupAndWait(pgid: number, timeoutMs = 5_000): Promise<boolean> {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    throw error;
  }
  const deadline = Date.now() + timeoutMs;
  while ((await liveMembersOf(pgid)).length > 0) {
    if (Date.now() > deadline) return false;
    await delay(20);
  }
  return true;
}
