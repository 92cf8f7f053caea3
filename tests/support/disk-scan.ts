import { lstat, readdir, readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every folder where Chromium or the host could leave a file for a local user: the temp folders,
 * the memory-backed ones (a live machine's /dev/shm outlives a killed process), and the user's
 * configuration and caches, where a browser without --user-data-dir would write.
 */
export function placesAVisitCouldRest(): string[] {
  const home = homedir();
  return [
    tmpdir(), '/var/tmp', '/dev/shm', process.env.XDG_RUNTIME_DIR,
    path.join(home, '.config'), path.join(home, '.cache'), path.join(home, '.local'), path.join(home, '.pki'),
  ].filter((dir): dir is string => Boolean(dir));
}

/** Files larger than this are not ours (a Chromium profile holds no such file). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The files under `roots` that hold any needle, as UTF-8 or as UTF-16LE (how Chromium keeps
 * localStorage values). `skip` leaves out folders by path prefix.
 */
export async function filesHolding(needles: readonly string[], roots: readonly string[], skip: readonly string[] = []): Promise<string[]> {
  const patterns = needles.flatMap((needle) => [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]);
  const found: string[] = [];
  const visit = async (file: string): Promise<void> => {
    if (skip.some((prefix) => file.startsWith(prefix))) return;
    const info = await lstat(file).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of await readdir(file).catch(() => [])) await visit(path.join(file, entry));
      return;
    }
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return;
    const bytes = await readFile(file).catch(() => null);
    if (bytes && patterns.some((pattern) => bytes.includes(pattern))) found.push(file);
  };
  for (const root of roots) await visit(root);
  return found;
}
