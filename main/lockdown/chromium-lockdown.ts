import type { Profile } from '../../kiosk-config/schema';
import { chromiumManagedPolicies } from './chromium-policies';
import { lockdownPolicy } from './policy';

/**
 * The Chromium shell's kiosk pages: its renderer server listens on 127.0.0.1, on a port that changes at
 * every launch (main/shells/chromium/renderer-server.ts), so the prefix names no port.
 */
export const CHROMIUM_KIOSK_PAGES = ['http://127.0.0.1:'] as const;

/** The managed policies a profile needs Chromium to run under (the shell builds its own policy for DevTools). */
export function chromiumLockdown(profile: Profile): { managed: Record<string, unknown> } {
  return { managed: chromiumManagedPolicies(lockdownPolicy(profile.lockdown, CHROMIUM_KIOSK_PAGES)) };
}
