import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../log';

/** A folder for one Chromium launch: its profile and its temporary files, deleted when it exits. */
export interface LaunchDir {
  root: string;
  /** `--user-data-dir`. */
  profileDir: string;
  /** Chromium's TMPDIR, so that its `org.chromium.Chromium.*` folders go away with the launch. */
  tmpDir: string;
  /**
   * Chromium's download folder (set in the profile's preferences before it starts). Downloads are
   * refused; should one get through anyway, it lands here, in memory, where the wipe empties it and
   * its probe looks, instead of in the kiosk user's ~/Downloads on disk.
   */
  downloadsDir: string;
  /**
   * Chromium's XDG_CONFIG_HOME. Its `user-dirs.dirs` names `downloadsDir` as the desktop's download
   * folder: a download refused over DevTools still opens a temporary file in that folder first, and
   * without this it would be the kiosk user's ~/Downloads.
   */
  configDir: string;
  /** Records the browser's pid, so that the next start can end a browser a dead host left running. */
  recordBrowserPid(pid: number | undefined): Promise<void>;
}

const LAUNCH_PREFIX = 'chromium-';
const PID_FILE = 'browser.pid';

/** Creates `parent/chromium-<host pid>-<random>/{profile,tmp,downloads,config}`, readable by this user only. */
export async function createLaunchDir(parent: string): Promise<LaunchDir> {
  await mkdir(parent, { recursive: true, mode: 0o700 });
  const root = await mkdtemp(path.join(parent, `${LAUNCH_PREFIX}${process.pid}-`));
  const profileDir = path.join(root, 'profile');
  const tmpDir = path.join(root, 'tmp');
  const downloadsDir = path.join(root, 'downloads');
  const configDir = path.join(root, 'config');
  await Promise.all([profileDir, tmpDir, downloadsDir, configDir].map((dir) => mkdir(dir, { mode: 0o700 })));
  // The off-the-record pages take their download folder from this (the default) profile's preferences.
  await mkdir(path.join(profileDir, 'Default'), { mode: 0o700 });
  const preferences = { download: { default_directory: downloadsDir, prompt_for_download: false, directory_upgrade: true } };
  await writeFile(path.join(profileDir, 'Default', 'Preferences'), JSON.stringify(preferences), { mode: 0o600 });
  await writeFile(path.join(configDir, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR=${JSON.stringify(downloadsDir)}\n`, { mode: 0o600 });
  return {
    root,
    profileDir,
    tmpDir,
    downloadsDir,
    configDir,
    recordBrowserPid: (pid) => (pid === undefined ? Promise.resolve() : writeFile(path.join(root, PID_FILE), String(pid))),
  };
}

/**
 * Removes what earlier runs left when their host died (SIGKILL, power cut on a disk fallback): the
 * launch folders of hosts that no longer run, after ending any browser still running from one.
 */
export async function sweepDeadLaunches(parent: string, log: Logger): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    const hostPid = Number(/^chromium-(\d+)-/.exec(entry)?.[1]);
    if (!hostPid || isAlive(hostPid)) continue;
    const root = path.join(parent, entry);
    await endOrphanBrowser(root);
    await rm(root, { recursive: true, force: true, maxRetries: 3 }).catch((error: unknown) => {
      log.error({ err: error, dir: root }, 'could not remove a dead run’s chromium folder');
    });
    log.warn({ dir: root, hostPid }, 'removed the chromium folder of a run that did not stop cleanly');
  }
}

/** A browser whose host died exits when its DevTools pipe closes; this is for one that did not. */
async function endOrphanBrowser(root: string): Promise<void> {
  const pid = Number(await readFile(path.join(root, PID_FILE), 'utf8').catch(() => ''));
  if (!pid || !isAlive(pid)) return;
  // The pid may have been reused since: only a process started with this folder is ours to end.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes(root)) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Gone in the meantime.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
