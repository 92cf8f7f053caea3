import { z } from 'zod';
import { errorMessage } from '../../common/error-message';
import type { DesiredConfig, ReportedConfig } from '../../common/fleet-messages';
import { checkProfile } from '../../kiosk-config/load';
import { fleetFiles, readJson, writePrivateJson } from './fleet-files';
import { checkProfileCatalog } from './fleet-profile';
import { fleetText } from './fleet-text';

const VersionFileSchema = z.object({ version: z.number().int().min(1) }).strict();

/** The version of the fleet profile the kiosk keeps; 0 when it runs the profile it was installed with. */
export async function fleetProfileVersion(stateDir: string): Promise<number> {
  const files = fleetFiles(stateDir);
  try {
    const parsed = VersionFileSchema.safeParse(await readJson(files.profileVersion));
    return parsed.success && (await readJson(files.profile)) !== undefined ? parsed.data.version : 0;
  } catch {
    return 0;
  }
}


/**
 * Checks a desired configuration as the host checks a profile file at start, and keeps it as the fleet
 * profile when it passes: `{version}` to report. When it does not, nothing is written and the kiosk keeps
 * its last good profile: `{version, error}` names the field and the reason.
 */
export async function storeDesiredConfig(desired: DesiredConfig, stateDir: string, catalogDir: string): Promise<ReportedConfig> {
  const checked = checkProfile(desired.config, `configuration version ${desired.version}`);
  if (!checked.ok) return { version: desired.version, error: fleetText(checked.error) };
  const files = fleetFiles(stateDir);
  const catalog = await checkProfileCatalog(checked.value, files.profile, catalogDir);
  if (!catalog.ok) return { version: desired.version, error: fleetText(catalog.error) };
  try {
    await writePrivateJson(files.profile, desired.config);
    await writePrivateJson(files.profileVersion, { version: desired.version });
  } catch (error) {
    return { version: desired.version, error: fleetText(`the kiosk could not store it: ${errorMessage(error)}`) };
  }
  return { version: desired.version };
}
