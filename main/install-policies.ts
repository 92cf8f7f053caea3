import { parseArgs } from 'node:util';
import { loadProfile, resolveProfilePath } from '../kiosk-config/load';
import { loadOfferedCatalog } from '../kiosk-config/offered-catalog';
import { appPaths } from './app-paths';
import { chromiumLockdown } from './lockdown/chromium-lockdown';
import { installPolicies, policyDir } from './lockdown/installed-policies';

/**
 * `sudo npm run install-policies -- --profile mairie`: writes the Chromium managed policies that
 * lock a kiosk running this profile. A production kiosk refuses to start without them.
 */
async function main(): Promise<number> {
  let profileName: string;
  try {
    profileName = parseArgs({ args: process.argv.slice(2), options: { profile: { type: 'string' } }, strict: true }).values.profile ?? 'demo';
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: install-policies [--profile <name|file.json>]\n`);
    return 2;
  }
  const file = resolveProfilePath(profileName, appPaths().profilesDir);
  const loaded = await loadProfile(file);
  if (!loaded.ok) {
    process.stderr.write(`the profile is invalid:\n${loaded.error}\n`);
    return 1;
  }
  // The official sites of the procedures the kiosk offers are Chromium's to allow too.
  const catalog = await loadOfferedCatalog(loaded.value, file, appPaths().catalogDir);
  if (!catalog.ok) {
    process.stderr.write(`the procedure catalog is invalid:\n${catalog.error}\n`);
    return 1;
  }
  const installed = await installPolicies(chromiumLockdown(loaded.value, catalog.value.procedures).managed, policyDir());
  if (!installed.ok) {
    process.stderr.write(`${installed.error}\n`);
    return 1;
  }
  process.stdout.write(`Chromium's managed policies for ${file} are in ${installed.value}\n`);
  return 0;
}

process.exitCode = await main();
