import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The fleet agent's files, in their own folder of the kiosk's state folder (main/app-paths.ts). */
export const fleetDir = (stateDir: string) => path.join(stateDir, 'fleet');
export const fleetFiles = (stateDir: string) => ({
  /** The kiosk's id and credential: mode 0600, like an SSH key. */
  enrolment: path.join(fleetDir(stateDir), 'enrolment.json'),
  /** The last good configuration the fleet pushed, a whole profile the host loads as it loads any profile file. */
  profile: path.join(fleetDir(stateDir), 'profile.json'),
  /** The version of that profile, written after it. */
  profileVersion: path.join(fleetDir(stateDir), 'profile-version.json'),
  /** The outbox and the ledger of commands run (SQLite). */
  outbox: path.join(fleetDir(stateDir), 'outbox.sqlite'),
});

/** Writes `data` as JSON through a temporary file and a rename, readable by this user only: a power cut leaves the old file or the new one. */
export async function writePrivateJson(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600); // a file left by an earlier run keeps its old mode through writeFile
  await rename(temporary, file);
}

/** The JSON in `file`, undefined when there is none; throws on a file that is there but unreadable or not JSON. */
export async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? undefined : JSON.parse(text);
}
