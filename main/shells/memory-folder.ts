import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** statfs(2) magic numbers of the filesystems that live in memory only. */
const MEMORY_FILESYSTEMS = new Set([0x01021994 /* tmpfs */, 0x858458f6 /* ramfs */]);

export interface MemoryFolder {
  /** `…/borne-<uid>`: the browser's profile and temporary files go in here. */
  dir: string;
  /** False when no memory-backed folder was found and the fallback is the temp folder on disk. */
  memoryBacked: boolean;
}

/**
 * Where a shell keeps its browser profile: the user's runtime folder or /dev/shm, both in memory, so
 * that nothing a visit leaves there (and nothing after a crash, a SIGKILL or a power cut) reaches a disk.
 */
export function memoryFolder(env: NodeJS.ProcessEnv = process.env): MemoryFolder {
  const uid = process.getuid?.() ?? 'user';
  for (const candidate of [env.XDG_RUNTIME_DIR, '/dev/shm']) {
    if (candidate && isMemoryBacked(candidate)) return { dir: path.join(candidate, `borne-${uid}`), memoryBacked: true };
  }
  return { dir: path.join(tmpdir(), `borne-${uid}`), memoryBacked: false };
}

function isMemoryBacked(dir: string): boolean {
  try {
    return MEMORY_FILESYSTEMS.has(Number(statfsSync(dir).type));
  } catch {
    return false;
  }
}
