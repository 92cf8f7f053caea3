import { fail, ok, type Result } from '../common/result';
import type { Profile } from '../kiosk-config/schema';

/** Logged as a warning at every start with test automation on, so it shows in the journal and the fleet. */
export const TEST_AUTOMATION_WARNING =
  'test automation is on: any local program can drive this kiosk over the DevTools protocol; never use this in public service';

/**
 * Whether this run lets tests drive the kiosk: only when `--test-cdp-port` was given, and only when
 * the profile allows it (which the schema grants to demo and test kiosks only). Asking for the port on
 * any other profile is an error, never silently ignored: the person who asked must learn why.
 */
export function decideTestAutomation(testCdpPort: number | undefined, profile: Profile, profileFile: string): Result<boolean> {
  if (testCdpPort === undefined) return ok(false);
  if (!profile.shell.allowTestAutomation) {
    return fail(`--test-cdp-port is refused: ${profileFile} does not set shell.allowTestAutomation `
      + `(only a profile whose kiosk.purpose is "demo" or "test" may)`);
  }
  return ok(true);
}
