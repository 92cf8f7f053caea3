import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { issueLines } from '../common/issues';
import { fail, ok, type Result } from '../common/result';
import { ProfileSchema, type Profile } from './schema';

const PROFILES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'profiles');

/** Shipped profiles are under 1 KiB; anything near this limit is the wrong file, not a profile. */
export const PROFILE_MAX_BYTES = 1024 * 1024;
/** One problem, one line: a message longer than this is clipped so the list stays readable. */
const ISSUE_MAX_CHARACTERS = 300;
/** Editors on Windows (Notepad among them) save UTF-8 with a byte-order mark, which JSON.parse refuses. */
const BYTE_ORDER_MARK = '\uFEFF';

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
  const read = await readProfileText(file);
  if (!read.ok) return read;
  let json: unknown;
  try {
    json = JSON.parse(read.value.startsWith(BYTE_ORDER_MARK) ? read.value.slice(1) : read.value);
  } catch (error) {
    return fail(`${file}: not valid JSON: ${clip((error as Error).message)}`);
  }
  const parsed = ProfileSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail(describeIssues(file, parsed.error.issues));
}

/**
 * The file's text, refused before reading when it is not a regular file (a device such as /dev/zero
 * never ends) or is larger than a profile can be. Size is taken from the open handle, so the
 * file checked is the file read.
 */
async function readProfileText(file: string): Promise<Result<string>> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return fail(`${file}: cannot read the profile: not a regular file`);
    if (stats.size > PROFILE_MAX_BYTES) {
      return fail(`${file}: the profile is ${formatBytes(stats.size)}, more than the limit of ${formatBytes(PROFILE_MAX_BYTES)}: `
        + 'a profile is a few kilobytes of JSON; check that this is the right file');
    }
    return ok(await handle.readFile('utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail(`${file}: cannot read the profile: ${reason}`);
  } finally {
    await handle?.close();
  }
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB (${size} bytes)`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB (${size} bytes)`;
}

function clip(message: string): string {
  return message.length <= ISSUE_MAX_CHARACTERS ? message : `${message.slice(0, ISSUE_MAX_CHARACTERS - 1)}…`;
}
