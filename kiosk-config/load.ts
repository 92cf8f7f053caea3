import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { issueLines } from '../common/issues';
import { fail, ok, type Result } from '../common/result';
import { clip, readJsonFile } from './json-file';
import { ProfileSchema, type Profile } from './schema';

const PROFILES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'profiles');

/** Shipped profiles are under 1 KiB; anything near this limit is the wrong file, not a profile. */
export const PROFILE_MAX_BYTES = 1024 * 1024;
const PROFILE_FILE = { noun: 'the profile', maxBytes: PROFILE_MAX_BYTES, sizeHint: 'a profile is a few kilobytes of JSON' };

/** `demo` names kiosk-config/profiles/demo.json; anything with a slash or `.json` is a file path. */
export function resolveProfilePath(nameOrPath: string, profilesDir = PROFILES_DIR): string {
  if (nameOrPath.includes('/') || nameOrPath.endsWith('.json')) return path.resolve(nameOrPath);
  return path.join(profilesDir, `${nameOrPath}.json`);
}

/** One line per problem: `file: field.path: reason`, so a technician knows what to fix and where. */
export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issueLines(issues, '(whole file)').map((line) => `${file}: ${clip(line)}`).join('\n');
}

/** Reads and validates a profile. Never throws: every failure comes back as one readable message. */
export async function loadProfile(file: string): Promise<Result<Profile>> {
  const json = await readJsonFile(file, PROFILE_FILE);
  if (!json.ok) return fail(`${file}: ${json.error}`);
  return checkProfile(json.value, file);
}

/**
 * The checks a profile passes once it is JSON, wherever it comes from (a file, the fleet's desired
 * configuration): the same size limit as a file and the schema. `source` names it in the messages.
 */
export function checkProfile(json: unknown, source: string): Result<Profile> {
  const size = Buffer.byteLength(JSON.stringify(json) ?? '');
  if (size > PROFILE_MAX_BYTES) return fail(`${source}: the profile is ${size} bytes, more than the limit of ${PROFILE_MAX_BYTES}`);
  const parsed = ProfileSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail(describeIssues(source, parsed.error.issues));
}
