import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The launch's download folder (`LaunchDir.downloadsDir`). Downloads are refused, so it stays empty;
 * the wipe empties it all the same and its probe counts what is left, so that a download that got
 * through despite the refusal is never handed to the next visit.
 */
export async function emptyDownloadsFolder(dir: string): Promise<void> {
  const entries = await readdir(dir);
  await Promise.all(entries.map((entry) => rm(path.join(dir, entry), { recursive: true, force: true })));
}

/** How many files (finished or partial downloads) the folder holds; a folder that is gone holds none. */
export async function countDownloads(dir: string): Promise<number> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.length;
}
