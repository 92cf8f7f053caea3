import { readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Playwright makes a tracing folder in the temp folder for every context it traces, and removes it when the
 * context closes. The kiosk's own context, which the specs reach over CDP, is never closed by them, so its
 * folder stayed behind: one per spec. The teardown removes the empty ones this run made.
 */
export default function globalSetup(): () => void {
  const startedAt = Date.now();
  return () => {
    for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith('playwright-tracing-'))) {
      const folder = path.join(tmpdir(), name);
      try {
        if (statSync(folder).birthtimeMs >= startedAt && readdirSync(folder).length === 0) rmdirSync(folder);
      } catch {
        // Gone already, or not ours to remove.
      }
    }
  };
}
