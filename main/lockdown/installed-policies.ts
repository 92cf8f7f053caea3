import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fail, ok, type Result } from '../../common/result';
import { CHROMIUM_POLICY_DIR, CHROMIUM_POLICY_FILE } from './chromium-policies';

/** The managed policy folder: Debian's, unless the environment names another (tests, other distributions). */
export function policyDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BORNE_CHROMIUM_POLICY_DIR ?? CHROMIUM_POLICY_DIR;
}

/** Whether the installed file holds exactly `expected`; otherwise why not, in words. */
export async function checkInstalledPolicies(expected: Record<string, unknown>, dir: string): Promise<Result<void>> {
  const file = path.join(dir, CHROMIUM_POLICY_FILE);
  let installed: unknown;
  try {
    installed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return fail(`${file} is ${missing ? 'missing' : 'unreadable'}`);
  }
  return isDeepStrictEqual(installed, expected) ? ok(undefined) : fail(`${file} is stale: it was made for another profile or version`);
}

/** Writes the policies where Chromium reads them, whole or not at all (a half-written file would be ignored). */
export async function installPolicies(policies: Record<string, unknown>, dir: string): Promise<Result<string>> {
  const file = path.join(dir, CHROMIUM_POLICY_FILE);
  try {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, `${JSON.stringify(policies, null, 2)}\n`, { mode: 0o644 });
    await rename(partial, file);
    return ok(file);
  } catch (error) {
    const denied = (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM';
    return fail(denied ? `cannot write ${file}: run the command as root (sudo)` : `cannot write ${file}: ${(error as Error).message}`);
  }
}
