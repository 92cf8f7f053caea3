import { open } from 'node:fs/promises';
import { fail, ok, type Result } from '../common/result';

/** Editors on Windows (Notepad among them) save UTF-8 with a byte-order mark, which JSON.parse refuses. */
const BYTE_ORDER_MARK = '\uFEFF';

/** What a configuration file is, for the messages: "the profile", "the procedure file". */
export interface JsonFileKind {
  readonly noun: string;
  readonly maxBytes: number;
  /** Said when the file is too large: what such a file normally weighs. */
  readonly sizeHint: string;
}

/**
 * A configuration file's JSON, never thrown: a missing file, a device, a file far too large or a JSON
 * syntax error each come back as one reason, without the file name (the caller places it). Size is
 * taken from the open handle, so the file checked is the file read (a device such as /dev/zero never ends).
 */
export async function readJsonFile(file: string, kind: JsonFileKind): Promise<Result<unknown>> {
  let text: string;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return fail(`cannot read ${kind.noun}: not a regular file`);
    if (stats.size > kind.maxBytes) {
      return fail(`${kind.noun} is ${formatBytes(stats.size)}, more than the limit of ${formatBytes(kind.maxBytes)}: `
        + `${kind.sizeHint}; check that this is the right file`);
    }
    text = await handle.readFile('utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail(`cannot read ${kind.noun}: ${reason}`);
  } finally {
    await handle?.close();
  }
  try {
    return ok(JSON.parse(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text));
  } catch (error) {
    return fail(`not valid JSON: ${clip((error as Error).message)}`);
  }
}

/** One problem, one line: a message longer than this is clipped so the list stays readable. */
const ISSUE_MAX_CHARACTERS = 300;

export function clip(message: string): string {
  return message.length <= ISSUE_MAX_CHARACTERS ? message : `${message.slice(0, ISSUE_MAX_CHARACTERS - 1)}…`;
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB (${size} bytes)`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB (${size} bytes)`;
}
