import type { EventEmitter } from 'node:events';
import { afterEach, beforeEach } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir for pty links; `remove` deletes it and everything left in it. */
export async function tempFolder(): Promise<{ path: (name: string) => string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'borne-devices-'));
  return { path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * For each test of the calling suite: a fresh temp folder (`path`), and undo steps (`defer`) run newest
 * first after the test, before the folder and what is left in it are removed.
 */
export function folderPerTest(): { path: (name: string) => string; defer: (undo: () => Promise<void>) => void } {
  let folder: Awaited<ReturnType<typeof tempFolder>> | undefined;
  const undos: Array<() => Promise<void>> = [];
  beforeEach(async () => {
    folder = await tempFolder();
  });
  afterEach(async () => {
    for (const undo of undos.splice(0).reverse()) await undo();
    await folder?.remove();
  });
  return {
    path: (name) => {
      if (!folder) throw new Error('folderPerTest: the folder exists only while a test runs');
      return folder.path(name);
    },
    defer: (undo) => void undos.push(undo),
  };
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
  return (await runningProcesses(text)).map((process) => process.commandLine);
}

/** Process ids and command lines of running processes that mention `text`. */
export async function runningProcesses(text: string): Promise<Array<{ pid: number; commandLine: string }>> {
  const found = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) found.push({ pid: Number(pid), commandLine: cmdline.replaceAll('\0', ' ').trim() });
  }
  return found;
}
