import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed application's root (where package.json is), found by walking up from this module.
 * The host runs from sources (tests), from dist/host (npm start) and inside Electron; this finds
 * the same root from all three.
 */
export function findAppRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'borne') return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find Borne's package.json above ${from}`);
  }
}

/**
 * Where the kiosk keeps what must outlive a restart and holds nothing personal (the administrator
 * audit journal): BORNE_STATE_DIR, else $XDG_STATE_HOME/borne, else ~/.local/state/borne.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BORNE_STATE_DIR) return path.resolve(env.BORNE_STATE_DIR);
  return path.join(env.XDG_STATE_HOME || path.join(homedir(), '.local', 'state'), 'borne');
}

export const appPaths = (root = findAppRoot()) => ({
  root,
  profilesDir: path.join(root, 'kiosk-config', 'profiles'),
  catalogDir: path.join(root, 'kiosk-config', 'catalog'),
  rendererDir: path.join(root, 'dist', 'renderer'),
  electronMain: path.join(root, 'dist', 'host', 'electron-main.js'),
  preload: path.join(root, 'dist', 'host', 'preload.cjs'),
  stateDir: stateDir(),
});
