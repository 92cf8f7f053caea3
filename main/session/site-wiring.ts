import { ACTIVITY_REPORT_INTERVAL_MS } from '../../common/bridge';
import type { LockdownConfig } from '../../common/lockdown-config';
import { createThrottle } from '../../common/throttle';
import { decideSiteOpening, lockdownPolicy, type Verdict } from '../lockdown/policy';
import type { KioskShell, SiteSignal } from '../shells/shell';
import type { SessionEvent } from './machine';

/**
 * Whether a view's SITE.OPEN may reach the machine: only a page on the profile's list, and only with a
 * shell that can show one. The shell's own pages are none of the profile's sites, so none is added here.
 */
export function siteOpeningRule(lockdown: LockdownConfig, shell: KioskShell): (url: string) => Verdict {
  const policy = lockdownPolicy(lockdown, []);
  return (url) => (shell.showSite ? decideSiteOpening(policy, url) : { allow: false, reason: `the ${shell.name} shell shows no sites` });
}

/** What the open site's bar and the shell report, as session events; activity no more often than a view's. */
export function siteSignalsTo(send: (event: SessionEvent) => void, now = () => performance.now()): (signal: SiteSignal) => void {
  const activityPasses = createThrottle(ACTIVITY_REPORT_INTERVAL_MS);
  const events: Record<SiteSignal, SessionEvent> = {
    back: { type: 'SITE.CLOSE' },
    left: { type: 'SITE.CLOSE' },
    end: { type: 'VISIT.FINISH' },
    activity: { type: 'USER.ACTIVITY' },
    unreachable: { type: 'SITE.UNREACHABLE' },
  };
  return (signal) => {
    if (signal !== 'activity' || activityPasses(now())) send(events[signal]);
  };
}
