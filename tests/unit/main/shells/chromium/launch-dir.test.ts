import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLaunchDir, sweepDeadLaunches } from '../../../../../main/shells/chromium/launch-dir';
import { memoryFolder } from '../../../../../main/shells/memory-folder';
import { captureLog } from '../../../../support/capture-log';

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'borne-launch-dir-'));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** A pid that no process has: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('memoryFolder', () => {
  it('prefers the runtime folder when it lives in memory', () => {
    // /dev/shm is tmpfs on Linux; standing in for XDG_RUNTIME_DIR shows the preference without a login session.
    expect(memoryFolder({ XDG_RUNTIME_DIR: '/dev/shm' })).toEqual({ dir: `/dev/shm/borne-${process.getuid!()}`, memoryBacked: true });
  });

  it('skips a runtime folder on disk', () => {
    const { dir, memoryBacked } = memoryFolder({ XDG_RUNTIME_DIR: process.cwd() });
    expect(dir.startsWith(process.cwd())).toBe(false);
    expect(memoryBacked).toBe(true); // /dev/shm
  });
});

describe('launch folders', () => {
  it('are private to this user and hold a profile and a temp folder', async () => {
    const dir = await createLaunchDir(path.join(parent, 'borne'));
    expect(path.basename(dir.root)).toMatch(new RegExp(`^chromium-${process.pid}-`));
    expect(existsSync(dir.profileDir) && existsSync(dir.tmpDir)).toBe(true);
    expect((await stat(path.join(parent, 'borne'))).mode & 0o077).toBe(0);
    expect((await stat(dir.root)).mode & 0o077).toBe(0);
  });

  it('name their own download folder to Chromium twice: in its preferences and as the desktop\'s download folder', async () => {
    const dir = await createLaunchDir(path.join(parent, 'borne'));
    const preferences = JSON.parse(await readFile(path.join(dir.profileDir, 'Default', 'Preferences'), 'utf8'));
    expect(preferences.download.default_directory).toBe(dir.downloadsDir);
    // The xdg-user-dirs format Chromium reads from $XDG_CONFIG_HOME when it falls back to the desktop's folder.
    expect(await readFile(path.join(dir.configDir, 'user-dirs.dirs'), 'utf8')).toBe(`XDG_DOWNLOAD_DIR="${dir.downloadsDir}"\n`);
  });

  it('of a dead host are removed at the next start; those of a live host are left alone', async () => {
    const dead = path.join(parent, `chromium-${await deadPid()}-abc`);
    const live = path.join(parent, `chromium-${process.pid}-def`);
    const unrelated = path.join(parent, 'something-else');
    for (const dir of [dead, live, unrelated]) await mkdir(path.join(dir, 'profile'), { recursive: true });
    await writeFile(path.join(dead, 'profile', 'Local State'), '{}');
    const { log, lines } = captureLog();

    await sweepDeadLaunches(parent, log);

    expect((await readdir(parent)).sort()).toEqual([path.basename(live), 'something-else']);
    expect(lines.filter((l) => l.msg === 'removed the chromium folder of a run that did not stop cleanly').map((l) => l.dir)).toEqual([dead]);
  });

  it('end a browser a dead host left running, and only if it was started with that folder', async () => {
    const dead = path.join(parent, `chromium-${await deadPid()}-abc`);
    await mkdir(dead);
    // A stand-in browser whose command line names the folder, in its own process group as Chromium is.
    const orphan = spawn('sh', ['-c', 'sleep 60', dead], { detached: true, stdio: 'ignore' });
    const orphanExit = new Promise((resolve) => orphan.once('exit', (_code, signal) => resolve(signal)));
    const stranger = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    await writeFile(path.join(dead, 'browser.pid'), String(orphan.pid));
    try {
      await sweepDeadLaunches(parent, captureLog().log);
      expect(await orphanExit).toBe('SIGKILL');
      expect(stranger.exitCode).toBe(null);
      expect(existsSync(dead)).toBe(false);
    } finally {
      stranger.kill('SIGKILL');
      orphan.kill('SIGKILL');
    }
  });

  it('are left alone when the recorded pid now belongs to another program', async () => {
    const dead = path.join(parent, `chromium-${await deadPid()}-abc`);
    await mkdir(dead);
    const stranger = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    await writeFile(path.join(dead, 'browser.pid'), String(stranger.pid));
    try {
      await sweepDeadLaunches(parent, captureLog().log);
      expect(stranger.exitCode).toBe(null);
      expect(stranger.signalCode).toBe(null);
    } finally {
      stranger.kill('SIGKILL');
    }
  });
});
