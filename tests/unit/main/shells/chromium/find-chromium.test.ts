import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../../../../main/shells/chromium/find-chromium';

let bin: string;
let otherBin: string;

async function fakeExecutable(dir: string, name: string, mode = 0o755): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, mode);
  return file;
}

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'borne-find-chromium-'));
  bin = path.join(root, 'bin');
  otherBin = path.join(root, 'other-bin');
  await mkdir(bin);
  await mkdir(otherBin);
});

afterEach(async () => {
  await rm(path.dirname(bin), { recursive: true, force: true });
});

describe('findChromium', () => {
  it('finds chromium on PATH', async () => {
    const chromium = await fakeExecutable(otherBin, 'chromium');
    expect(findChromium({ PATH: [bin, otherBin].join(path.delimiter) })).toEqual({ ok: true, value: chromium });
  });

  it('prefers chromium over Google Chrome, wherever each is on PATH', async () => {
    await fakeExecutable(bin, 'google-chrome');
    const chromium = await fakeExecutable(otherBin, 'chromium');
    expect(findChromium({ PATH: [bin, otherBin].join(path.delimiter) })).toEqual({ ok: true, value: chromium });
  });

  it('skips files that are not executable and folders with a browser name', async () => {
    await fakeExecutable(bin, 'chromium', 0o644);
    await mkdir(path.join(bin, 'chromium-browser'));
    const chrome = await fakeExecutable(bin, 'google-chrome-stable');
    expect(findChromium({ PATH: bin })).toEqual({ ok: true, value: chrome });
  });

  it('uses CHROMIUM_PATH before PATH', async () => {
    await fakeExecutable(bin, 'chromium');
    const custom = await fakeExecutable(otherBin, 'my-browser');
    expect(findChromium({ PATH: bin, CHROMIUM_PATH: custom })).toEqual({ ok: true, value: custom });
  });

  it('refuses a CHROMIUM_PATH that does not exist, even when PATH has a browser', async () => {
    await fakeExecutable(bin, 'chromium');
    const result = findChromium({ PATH: bin, CHROMIUM_PATH: path.join(otherBin, 'missing') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/CHROMIUM_PATH=.*missing is not an executable file/);
  });

  it('refuses a CHROMIUM_PATH that cannot be executed', async () => {
    const notExecutable = await fakeExecutable(otherBin, 'chromium', 0o644);
    expect(findChromium({ PATH: bin, CHROMIUM_PATH: notExecutable }).ok).toBe(false);
  });

  it('says how to fix it when no browser is installed', () => {
    const result = findChromium({ PATH: bin });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("install Debian's chromium");
    if (!result.ok) expect(result.error).toContain('CHROMIUM_PATH');
  });
});
