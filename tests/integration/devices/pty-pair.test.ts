import { lstat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../../devices/simulators/pty-pair';
import { processesMentioning, tempFolder } from './support';

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

  it('refuses to replace an existing file', async () => {
    await writeFile(paths().kioskPath, 'a real file');
    expect(await openPtyPair(paths())).toEqual({ ok: false, error: expect.stringMatching(/already exists/) });
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
