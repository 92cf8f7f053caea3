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
  /** The fleet server's address (http or https), to enrol with or to check the stored enrolment against. */
  fleet?: string;
  /** A one-time enrolment token from the fleet console; needs `fleet`. */
  enrol?: string;
}

export const USAGE = 'usage: borne [--profile <name|file.json>] [--shell electron|chromium] [--test-cdp-port <port>] [--fleet <url> [--enrol <token>]]';

/** Parses the host's command line. Unknown or malformed options are an error, never ignored. */
export function parseHostOptions(argv: readonly string[]): Result<HostOptions> {
  let values: { profile?: string; shell?: string; 'test-cdp-port'?: string; fleet?: string; enrol?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        profile: { type: 'string' }, shell: { type: 'string' }, 'test-cdp-port': { type: 'string' },
        fleet: { type: 'string' }, enrol: { type: 'string' },
      },
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
  if (values.fleet !== undefined) {
    const url = fleetUrl(values.fleet);
    if (!url.ok) return fail(`${url.error}\n${USAGE}`);
    options.fleet = url.value;
  }
  if (values.enrol !== undefined) {
    if (options.fleet === undefined) return fail(`--enrol needs --fleet <url>: the server the token comes from\n${USAGE}`);
    if (!/^[\x21-\x7e]{1,200}$/.test(values.enrol)) return fail('--enrol must be the token the fleet console showed, without spaces');
    options.enrol = values.enrol;
  }
  return ok(options);
}

/** The fleet server's base address: http or https, a host, no credentials; said back as the URL's origin. */
function fleetUrl(text: string): Result<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`--fleet must be the fleet server's address, such as https://fleet.example.org, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`--fleet must be an http:// or https:// address, not "${text}"`);
  if (url.username || url.password) return fail('--fleet must not carry a user name or password: the kiosk enrols with a token (--enrol)');
  return ok(url.origin);
}
