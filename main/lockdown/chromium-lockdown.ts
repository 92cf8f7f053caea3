import type { Profile } from '../../kiosk-config/schema';
import { chromiumManagedPolicies } from './chromium-policies';
import { lockdownPolicy, type LockdownPolicy } from './policy';

/**
 * The Chromium shell's kiosk pages: its renderer server listens on 127.0.0.1, on a port that changes at
 * every launch (main/shells/chromium/renderer-server.ts), so the prefix names no port.
 */
export const CHROMIUM_KIOSK_PAGES = ['http://127.0.0.1:'] as const;

export function chromiumLockdown(profile: Profile): { policy: LockdownPolicy; managed: Record<string, unknown> } {
  const policy = lockdownPolicy(profile.lockdown, CHROMIUM_KIOSK_PAGES);
  return { policy, managed: chromiumManagedPolicies(policy) };
}
