import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Profile } from '../../kiosk-config/schema';
import { TEST_PROFILE } from './test-profile';

export interface KioskProcess {
  process: ChildProcess;
  /** Empty when the kiosk was started without its test CDP endpoint. */
  cdpEndpoint: string;
  /** The host's state folder (BORNE_STATE_DIR): fresh for this process, removed when it exits. */
  stateDir: string;
  /** Every JSON log line the host printed so far. */
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first log line (already printed or still to come) that matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const WRITTEN_PROFILE_PREFIX = 'borne-e2e-';

/** Writes a profile to a temporary file, for tests that wire their own device paths. Pair with removeProfile. */
export function writeProfile(profile: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), WRITTEN_PROFILE_PREFIX)), 'profile.json');
  writeFileSync(file, JSON.stringify(profile satisfies Partial<Profile> | unknown));
  return file;
}

/** Removes a profile written by writeProfile, with its temporary folder (and only such a folder). */
export function removeProfile(file: string): void {
  const folder = path.dirname(file);
  if (path.dirname(folder) !== tmpdir() || !path.basename(folder).startsWith(WRITTEN_PROFILE_PREFIX)) {
    throw new Error(`removeProfile: ${file} was not written by writeProfile`);
  }
  rmSync(folder, { recursive: true, force: true });
}

/**
 * Starts the built host (`dist/host/cli.js`) on the Chromium shell, with its test CDP endpoint unless told
 * otherwise (a profile as shipped, such as the demo, does not allow it). Its state folder (the
 * administrator audit journal) is a fresh temporary one, removed when the process exits, so no kiosk
 * inherits another's PIN lock or maintenance mode.
 */
export async function startKiosk(profile = TEST_PROFILE, extraArgs: string[] = [], { testCdp = true } = {}): Promise<KioskProcess> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'borne-e2e-state-'));
  const child = spawn(process.execPath,
    ['dist/host/cli.js', '--shell', 'chromium', '--profile', profile, ...(testCdp ? ['--test-cdp-port', '0'] : []), ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BORNE_LOG_LEVEL: 'debug', BORNE_STATE_DIR: stateDir } });
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try { lines.push(JSON.parse(text)); } catch { lines.push({ msg: text }); }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    rmSync(stateDir, { recursive: true, force: true });
    resolve(code);
  }));

  const waitForLog: KioskProcess['waitForLog'] = (match, timeoutMs = 20_000) => new Promise((resolve, reject) => {
    const check = () => {
      const line = lines.find(match);
      if (line) { waiters.delete(check); clearTimeout(timer); resolve(line); }
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`no matching log line; the host printed:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`));
    }, timeoutMs);
    waiters.add(check);
    void exited.then((code) => { if (waiters.has(check)) { waiters.delete(check); clearTimeout(timer); reject(new Error(`the host exited (${code}) before the log line came`)); } });
    check();
  });

  const endpointLine = testCdp ? await waitForLog((l) => typeof l.cdpEndpoint === 'string') : { cdpEndpoint: '' };
  await waitForLog((l) => l.msg === 'kiosk ready');
  return {
    process: child,
    cdpEndpoint: endpointLine.cdpEndpoint as string,
    stateDir,
    lines,
    waitForLog,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
