import { execFileSync } from 'node:child_process';
import type { TestType } from '@playwright/test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_POLICY_DIR, CHROMIUM_POLICY_FILE } from '../../main/lockdown/chromium-policies';

export interface InstalledPolicies {
  /** Puts back what was there before (another kiosk's file, or nothing). */
  restore(): void;
}

/**
 * Installs the managed policies of `profile` where the system's Chromium reads them, with the kiosk's
 * own installer (built in dist/host), for tests of what only policies stop. Machine-wide, so it needs
 * root: the reason comes back as a string when it cannot be done here.
 */
export function installPoliciesFor(profile: string): InstalledPolicies | string {
  if (process.getuid?.() !== 0) return `installing Chromium's managed policies in ${CHROMIUM_POLICY_DIR} needs root`;
  const file = path.join(CHROMIUM_POLICY_DIR, CHROMIUM_POLICY_FILE);
  const before = existsSync(file) ? readFileSync(file) : null;
  execFileSync(process.execPath, ['dist/host/install-policies.js', '--profile', profile], { stdio: 'pipe', env: { ...process.env, BORNE_CHROMIUM_POLICY_DIR: CHROMIUM_POLICY_DIR } });
  return {
    restore: () => {
      if (before) writeFileSync(file, before);
      else rmSync(file, { force: true });
    },
  };
}

/**
 * For a spec whose tests need the policies of `profile` installed: installs them before its tests and
 * restores what was there after. Returns why its tests must skip (printed once), or null when installed.
 */
export function withPoliciesInstalled(test: TestType<object, object>, spec: string, profile: string): () => string | null {
  let policies: InstalledPolicies | string = 'not installed yet';
  test.beforeAll(() => {
    policies = installPoliciesFor(profile);
    if (typeof policies === 'string') console.log(`${spec}: skipped, ${policies}`);
  });
  test.afterAll(() => {
    if (typeof policies !== 'string') policies.restore();
  });
  return () => (typeof policies === 'string' ? policies : null);
}
