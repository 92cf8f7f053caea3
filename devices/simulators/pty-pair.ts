import { spawn, type ChildProcess } from 'node:child_process';
import { readlink, stat, unlink } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { fail, ok, type Result } from '../../common/result';
import { clearStaleSocat } from './stale-socat';

/**
 * Two linked pseudo-terminals made by socat: bytes written on one side come out of the other, as on a
 * null-modem cable. The kiosk opens `kioskPath` like a real serial device; a simulator opens `devicePath`.
 */
export interface PtyPair {
  readonly kioskPath: string;
  readonly devicePath: string;
  /** socat's process id, for tests that check nothing is left running. */
  readonly pid: number;
  /** Kills socat and removes the two links if they are still the ones it made. Idempotent. */
  stop(): Promise<void>;
}

export interface PtyPairOptions {
  kioskPath: string;
  devicePath: string;
  /** How long socat may take to create both links. */
  timeoutMs?: number;
}

type Exit = { error: NodeJS.ErrnoException } | { code: number | null; signal: NodeJS.Signals | null };

// socat parses `,` `:` `!` and quotes in its addresses; a path with them would open something else.
const SAFE_PATH = /^[\w./+-]+$/;

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** Why `path` cannot be used, if it cannot. Checked after a stale socat and its links are cleared. */
async function refusal(path: string): Promise<string | undefined> {
  if (await exists(path)) return `${path} already exists (another simulator running?); remove it or use another path`;
  return undefined;
}

function describeExit(exit: Exit, stderr: string): string {
  if ('error' in exit) {
    if (exit.error.code === 'ENOENT') return 'socat is not installed: install socat (apt-get install socat)';
    return `cannot start socat: ${exit.error.message}`;
  }
  const how = exit.signal ?? `code ${exit.code}`;
  return `socat exited (${how}) before the ptys were ready: ${stderr.trim() || 'no message'}`;
}

/** Starts socat and resolves once both links exist. Never throws: every failure is an error value. */
export async function openPtyPair(options: PtyPairOptions): Promise<Result<PtyPair>> {
  const { kioskPath, devicePath, timeoutMs = 5_000 } = options;
  const unsafe = [kioskPath, devicePath].find((path) => !SAFE_PATH.test(path));
  if (unsafe) return fail(`${unsafe}: use only letters, digits and . / _ + - in a pty path`);
  // A host killed with SIGKILL left its socat holding these links: end it, so the device comes back.
  await clearStaleSocat([kioskPath, devicePath]);
  for (const path of [kioskPath, devicePath]) {
    const refused = await refusal(path);
    if (refused) return fail(refused);
  }
  const child = spawn('socat', [`pty,raw,echo=0,link=${kioskPath}`, `pty,raw,echo=0,link=${devicePath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  let exit: Exit | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => { exit ??= { error }; resolve(); });
    child.once('exit', (code, signal) => { exit ??= { code, signal }; resolve(); });
  });

  // socat gives no signal when its links are ready, so poll for them.
  const deadline = Date.now() + timeoutMs;
  while (!exit) {
    if ((await exists(kioskPath)) && (await exists(devicePath))) {
      const links = new Map([[kioskPath, await readlink(kioskPath)], [devicePath, await readlink(devicePath)]]);
      return ok({ kioskPath, devicePath, pid: child.pid ?? -1, stop: () => stopPair(child, exited, links) });
    }
    if (Date.now() > deadline) {
      await terminate(child, exited);
      return fail(`socat did not create ${kioskPath} and ${devicePath} within ${timeoutMs} ms: ${stderr.trim()}`);
    }
    await delay(20);
  }
  return fail(describeExit(exit, stderr));
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  // socat exits at once on SIGTERM; SIGKILL is for a socat stuck in the kernel.
  const killer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(killer);
}

/** `links` maps each link to the pty it pointed to when socat made it. */
async function stopPair(child: ChildProcess, exited: Promise<void>, links: Map<string, string>): Promise<void> {
  await terminate(child, exited);
  // socat removes its links on SIGTERM but not when killed; remove only a link that still points to our pty.
  for (const [path, target] of links) {
    if ((await readlink(path).catch(() => undefined)) === target) await unlink(path).catch(() => {});
  }
}
