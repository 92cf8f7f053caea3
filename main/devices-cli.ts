import { loadProfile, resolveProfilePath } from '../kiosk-config/load';
import { controlSocketPath } from '../devices/control-protocol';
import { runTechnician } from '../devices/technician';
import { appPaths } from './app-paths';

/**
 * `npm run devices -- <command>`: the technician CLI (devices/technician.ts) on the profile the host
 * would run (`--profile`, the demo by default). Here because loading a profile is the host's business.
 */
const argv = process.argv.slice(2);
const profileAt = argv.indexOf('--profile');
const profileName = profileAt >= 0 ? argv[profileAt + 1] : 'demo';
const rest = profileAt >= 0 ? [...argv.slice(0, profileAt), ...argv.slice(profileAt + 2)] : argv;

const profile = profileName ? await loadProfile(resolveProfilePath(profileName, appPaths().profilesDir)) : null;
if (!profile?.ok) {
  process.stderr.write(`${profile ? profile.error : '--profile needs a name or a file'}\n`);
  process.exit(2);
}
const interrupted = new Promise<void>((resolve) => process.once('SIGINT', resolve));
const outcome = await runTechnician(rest, {
  devices: profile.value.devices,
  socketPath: controlSocketPath(),
  out: (text) => process.stdout.write(`${text}\n`),
  interrupted,
});
if (!outcome.ok) process.stderr.write(`${outcome.error}\n`);
// The simulators and serial lines are closed; nothing else should keep the process, but a stray timer must not.
process.exit(outcome.ok ? 0 : 1);
