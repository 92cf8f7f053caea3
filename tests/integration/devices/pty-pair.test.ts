import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../../devices/simulators/pty-pair';
import { nextEvent, processesMentioning, tempFolder } from './support';

const HOLDER = fileURLToPath(new URL('./fixtures/hold-pty-pair.ts', import.meta.url));
/** Running, and not a zombie: an orphan that exited stays one until its new parent reaps it. */
const running = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('openPtyPair', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  const pairs: PtyPair[] = [];
  const paths = () => ({ kioskPath: folder.path('kiosk'), devicePath: folder.path('device') });
  const present = (path: string) => lstat(path).then(() => true, () => false);

  beforeEach(async () => {
    folder = await tempFolder();
  });

  afterEach(async () => {
    for (const pair of pairs.splice(0)) await pair.stop();
    await folder.remove();
  });

  it('creates both links, and stop() kills socat and removes them; stopping twice is harmless', async () => {
    const pair = await openPtyPair(paths());
    if (!pair.ok) throw new Error(pair.error);
    pairs.push(pair.value);
    expect(await present(paths().kioskPath)).toBe(true);
    expect(await present(paths().devicePath)).toBe(true);
    await pair.value.stop();
    await pair.value.stop();
    expect(await present(paths().kioskPath)).toBe(false);
    expect(await present(paths().devicePath)).toBe(false);
    expect(await processesMentioning(paths().kioskPath)).toEqual([]);
  });

  it('removes its links even when socat could not, and nothing else', async () => {
    const pair = await openPtyPair(paths());
    if (!pair.ok) throw new Error(pair.error);
    process.kill(pair.value.pid, 'SIGKILL'); // socat dies without cleaning up
    await writeFile(folder.path('bystander'), 'not ours');
    await pair.value.stop();
    expect(await present(paths().kioskPath)).toBe(false);
    expect(await present(folder.path('bystander'))).toBe(true);
  });

  it('after its owner was killed with SIGKILL, the same paths open again and the stale socat is ended', async () => {
    const owner = spawn(process.execPath, ['--import', 'tsx', HOLDER, paths().kioskPath, paths().devicePath],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    const ownerExited = new Promise((resolve) => owner.once('exit', resolve));
    const [line] = await nextEvent<[Buffer]>(owner.stdout!, 'data');
    const staleSocat = Number(String(line).trim());
    owner.kill('SIGKILL'); // the host dies without stopping its pair: socat lives on, holding both links
    await ownerExited;
    expect(running(staleSocat)).toBe(true);

    const pair = await openPtyPair(paths());
    if (!pair.ok) throw new Error(pair.error);
    pairs.push(pair.value);
    expect(pair.value.pid).not.toBe(staleSocat);
    expect(running(staleSocat)).toBe(false); // gone, or a zombie its new parent has yet to reap
    expect(await processesMentioning(paths().kioskPath)).toHaveLength(1);
    // Both links are back, and the only socat naming them is the new one (above).
    expect(await present(paths().kioskPath)).toBe(true);
  });

  it('refuses to replace an existing file, and leaves it as it was', async () => {
    await writeFile(paths().kioskPath, 'a real file');
    expect(await openPtyPair(paths())).toEqual({ ok: false, error: expect.stringMatching(/already exists/) });
    expect(await readFile(paths().kioskPath, 'utf8')).toBe('a real file');
  });

  it('refuses a path socat would misread', async () => {
    const result = await openPtyPair({ kioskPath: folder.path('a,b'), devicePath: folder.path('c') });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/use only/) });
  });

  it('tells how to install socat when it is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = folder.path('no-bin-here');
    try {
      const result = await openPtyPair(paths());
      expect(result).toEqual({ ok: false, error: expect.stringContaining('apt-get install socat') });
    } finally {
      process.env.PATH = path;
    }
  });
});
