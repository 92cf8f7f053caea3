import type { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir for pty links; `remove` deletes it and everything left in it. */
export async function tempFolder(): Promise<{ path: (name: string) => string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'borne-devices-'));
  return { path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Resolves with the arguments of the first `event` whose arguments satisfy `accept`. */
export function nextEvent<Args extends unknown[]>(
  emitter: EventEmitter, event: string, accept: (...args: Args) => boolean = () => true,
): Promise<Args> {
  return new Promise((resolve) => {
    const listener = (...args: unknown[]): void => {
      if (!accept(...(args as Args))) return;
      emitter.off(event, listener);
      resolve(args as Args);
    };
    emitter.on(event, listener);
  });
}

/** Command lines of running processes that mention `text` (no pgrep needed). */
export async function processesMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) found.push(cmdline.replaceAll('\0', ' ').trim());
  }
  return found;
}
