import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fail, ok, type Result } from '../../common/result';
import type { ShellName } from './shell';

/** Where the Electron binary is, or why it is not usable (its download is blocked on some machines). */
export function findElectronBinary(): Result<string> {
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch {
    // electron's own message ("delete node_modules/electron and try again") does not help where
    // GitHub is out of reach, which is why the binary is missing in the first place.
    return fail('the Electron binary is not installed (npm install could not download it from GitHub)');
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return fail(`the Electron binary is missing at ${String(binary)}`);
  return ok(binary);
}

export interface ShellChoice {
  shell: ShellName;
  /** One line for the log: which shell and why. */
  reason: string;
  electronBinary?: string;
}

/** `--shell` wins; otherwise Electron when its binary is present, else the system Chromium. */
export function chooseShell(forced: ShellName | undefined, electron = findElectronBinary()): Result<ShellChoice> {
  if (forced === 'chromium') return ok({ shell: 'chromium', reason: 'forced by --shell chromium' });
  if (electron.ok) {
    return ok({ shell: 'electron', electronBinary: electron.value,
      reason: forced ? 'forced by --shell electron' : `the Electron binary is present (${electron.value})` });
  }
  if (forced === 'electron') return fail(`--shell electron is impossible: ${electron.error}`);
  return ok({ shell: 'chromium', reason: `${electron.error}; using the system Chromium instead` });
}
