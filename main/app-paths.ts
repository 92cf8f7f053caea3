import { existsSync, readFileSync } from 'node:fs';
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

export const appPaths = (root = findAppRoot()) => ({
  root,
  profilesDir: path.join(root, 'kiosk-config', 'profiles'),
  rendererDir: path.join(root, 'dist', 'renderer'),
  electronMain: path.join(root, 'dist', 'host', 'electron-main.js'),
  preload: path.join(root, 'dist', 'host', 'preload.cjs'),
});
