import { readFileSync } from 'node:fs';
import { lstat, readdir, readFile, unlink } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * What a host killed with SIGKILL leaves behind: its socat, still holding the pty links, and links
 * that point to ptys nobody serves. The next start clears both before making its own pair, or the
 * kiosk would find its simulated device "already exists" and stay offline until someone cleans up.
 * Only a process whose command line is socat's, making a link at one of exactly these paths, is ended.
 */
export async function clearStaleSocat(paths: readonly string[]): Promise<number[]> {
  const stale = await socatsLinking(paths);
  for (const pid of stale) signal(pid, 'SIGTERM');
  // socat exits at once on SIGTERM (and removes its links); SIGKILL is for one stuck in the kernel.
  const deadline = Date.now() + 2_000;
  while (stale.some(alive) && Date.now() < deadline) await delay(20);
  for (const pid of stale.filter(alive)) signal(pid, 'SIGKILL');
  for (const path of paths) await removeIfSymlink(path);
  return stale;
}

/** Process ids of running socat commands that make a link at one of `paths`. */
async function socatsLinking(paths: readonly string[]): Promise<number[]> {
  const wanted = new Set(paths.map((path) => `link=${path}`));
  const found: number[] = [];
  for (const name of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const args = (await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (!args[0]?.split('/').at(-1)?.startsWith('socat')) continue;
    // socat's address options are comma-separated: `pty,raw,echo=0,link=/path`.
    if (args.slice(1).some((arg) => arg.split(',').some((option) => wanted.has(option)))) found.push(Number(name));
  }
  return found;
}

/** A zombie has exited already: only its parent (init, or a subreaper, for an orphan) has yet to reap it. */
function alive(pid: number): boolean {
  try {
    // /proc/<pid>/stat: `pid (comm) state …`; comm may hold spaces and parentheses, the last `)` ends it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already, or not ours to end (another user's): either way not ours to clean up
  }
}

/** A link left by a killed socat goes; a real file or folder at that path is never touched. */
async function removeIfSymlink(path: string): Promise<void> {
  const info = await lstat(path).catch(() => null);
  if (info?.isSymbolicLink()) await unlink(path).catch(() => {});
}
