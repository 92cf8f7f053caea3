import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The profile end-to-end kiosks and benches run on: short timeouts, no devices, test automation allowed
 * (kiosk.purpose "test"), the small test catalog (tests/fixtures/catalog). A test fixture, so it lives
 * under tests/ and never ships with the product.
 * An absolute path: the host takes anything with a slash as a file, wherever it was started from.
 */
export const TEST_PROFILE = fileURLToPath(new URL('../fixtures/profiles/test.json', import.meta.url));

/**
 * The test profile's content, to write a variant of elsewhere (writeProfile): its catalog folder,
 * relative to the fixture, is made absolute so the copy finds it too.
 */
export function readTestProfile(): { admin: Record<string, unknown>; catalog: { dir: string }; [field: string]: unknown } {
  const profile = JSON.parse(readFileSync(TEST_PROFILE, 'utf8'));
  return { ...profile, catalog: { ...profile.catalog, dir: path.resolve(path.dirname(TEST_PROFILE), profile.catalog.dir) } };
}
