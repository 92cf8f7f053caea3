import { parseArgs } from 'node:util';
import { fail, ok, type Result } from '../common/result';
import { SHELL_NAMES, type ShellName } from './shells/shell';

export interface HostOptions {
  /** A profile name from kiosk-config/profiles or a path to a JSON file. */
  profile: string;
  /** Forces a shell; otherwise Electron when its binary is present, else Chromium. */
  shell?: ShellName;
  /** Test only, refused unless the profile allows test automation. */
  testCdpPort?: number;
}

export const USAGE = 'usage: borne [--profile <name|file.json>] [--shell electron|chromium] [--test-cdp-port <port>]';

/** Parses the host's command line. Unknown or malformed options are an error, never ignored. */
export function parseHostOptions(argv: readonly string[]): Result<HostOptions> {
  let values: { profile?: string; shell?: string; 'test-cdp-port'?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { profile: { type: 'string' }, shell: { type: 'string' }, 'test-cdp-port': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
  const options: HostOptions = { profile: values.profile ?? 'demo' };
  if (values.shell !== undefined) {
    if (!(SHELL_NAMES as readonly string[]).includes(values.shell)) {
      return fail(`--shell must be one of ${SHELL_NAMES.join(', ')}, not "${values.shell}"\n${USAGE}`);
    }
    options.shell = values.shell as ShellName;
  }
  if (values['test-cdp-port'] !== undefined) {
    const port = Number(values['test-cdp-port']);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return fail(`--test-cdp-port must be a port number (0 picks a free one), not "${values['test-cdp-port']}"`);
    }
    options.testCdpPort = port;
  }
  return ok(options);
}
