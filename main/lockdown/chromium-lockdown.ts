import type { Profile } from '../../kiosk-config/schema';
import type { SiteScope } from '../../common/lockdown-config';
import { chromiumManagedPolicies } from './chromium-policies';
import { lockdownPolicy } from './policy';

/**
 * The Chromium shell's kiosk pages: its renderer server listens on 127.0.0.1, on a port that changes at
 * every launch (main/shells/chromium/renderer-server.ts), so the prefix names no port.
 */
export const CHROMIUM_KIOSK_PAGES = ['http://127.0.0.1:'] as const;

/**
 * The managed policies a profile needs Chromium to run under (the shell builds its own policy for
 * DevTools). `procedures`: the guided procedures the kiosk offers, whose official sites Chromium must
 * not block either; the shell's guard still opens each only while its procedure's site shows.
 */
export function chromiumLockdown(profile: Profile, procedures: ReadonlyArray<{ allow: readonly SiteScope[] }> = []): { managed: Record<string, unknown> } {
  const allow = [...profile.lockdown.allow, ...procedures.flatMap((procedure) => procedure.allow)];
  return { managed: chromiumManagedPolicies(lockdownPolicy({ ...profile.lockdown, allow }, CHROMIUM_KIOSK_PAGES)) };
}
