import { existsSync } from 'node:fs';
import { loadProfile } from '../../kiosk-config/load';
import { loadOfferedCatalog } from '../../kiosk-config/offered-catalog';
import type { Profile } from '../../kiosk-config/schema';
import { fail, ok, type Result } from '../../common/result';
import type { Logger } from '../log';
import { fleetFiles } from './fleet-files';

/** The checks beyond the schema that a profile must pass for the host to start on it: its catalog. */
export async function checkProfileCatalog(profile: Profile, profileFile: string, catalogDir: string): Promise<Result<void>> {
  const catalog = await loadOfferedCatalog(profile, profileFile, catalogDir);
  return catalog.ok ? ok(undefined) : fail(catalog.error);
}

/**
 * The profile file the host starts on: the one the fleet pushed last, when there is one and it still
 * passes every load check, else the one on the command line. A fleet profile that stopped passing
 * (after a software update, say) is logged, and the kiosk runs on its installed profile.
 */
export async function profileToRun(requested: string, stateDir: string, catalogDir: string, log: Logger): Promise<string> {
  const file = fleetFiles(stateDir).profile;
  if (!existsSync(file)) return requested;
  const loaded = await loadProfile(file);
  const usable = loaded.ok ? await checkProfileCatalog(loaded.value, file, catalogDir) : loaded;
  if (usable.ok) {
    log.info({ profile: file }, 'running the configuration the fleet pushed');
    return file;
  }
  log.error({ profile: file, reason: usable.error }, 'the fleet configuration no longer loads; running the installed profile');
  return requested;
}
