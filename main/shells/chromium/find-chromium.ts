import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fail, ok, type Result } from '../../../common/result';

/** Names distributions install Chromium under, most specific first. */
const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'] as const;

const HOW_TO_FIX = "install Debian's chromium (apt install chromium) or set CHROMIUM_PATH to the browser executable";

/** `CHROMIUM_PATH` when set (and then it must be usable), else the first Chromium found on `PATH`. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): Result<string> {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    return isExecutableFile(explicit)
      ? ok(explicit)
      : fail(`CHROMIUM_PATH=${explicit} is not an executable file; ${HOW_TO_FIX}`);
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const command of CHROMIUM_COMMANDS) {
    for (const dir of dirs) {
      const candidate = path.join(dir, command);
      if (isExecutableFile(candidate)) return ok(candidate);
    }
  }
  return fail(`no Chromium found on PATH (looked for ${CHROMIUM_COMMANDS.join(', ')}); ${HOW_TO_FIX}`);
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
