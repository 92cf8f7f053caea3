import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { fail, ok, type Result } from '../common/result';
import { ProfileSchema, type Profile } from './schema';

const PROFILES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'profiles');

/** `demo` names kiosk-config/profiles/demo.json; anything with a slash or `.json` is a file path. */
export function resolveProfilePath(nameOrPath: string, profilesDir = PROFILES_DIR): string {
  if (nameOrPath.includes('/') || nameOrPath.endsWith('.json')) return path.resolve(nameOrPath);
  return path.join(profilesDir, `${nameOrPath}.json`);
}

/** One line per problem: `file: field.path: reason`, so a technician knows what to fix and where. */
export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${file}: ${issue.path.length ? issue.path.join('.') : '(whole file)'}: ${issue.message}`)
    .join('\n');
}

/** Reads and validates a profile. Never throws: every failure comes back as one readable message. */
export async function loadProfile(file: string): Promise<Result<Profile>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = existsSync(file) ? (error as Error).message : 'no such file';
    return fail(`${file}: cannot read the profile: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ProfileSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail(describeIssues(file, parsed.error.issues));
}
