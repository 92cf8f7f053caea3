import { ACTIVITY_REPORT_INTERVAL_MS, type RendererEvent } from '../../common/bridge';
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

/** The bar's buttons: the citizen's touches, which the hand's rule may drop like those on the kiosk's own screens. */
const BAR_TOUCHES: Record<Exclude<SiteSignal, 'activity' | 'left' | 'unreachable'>, RendererEvent> = {
  back: { type: 'SITE.CLOSE' },
  end: { type: 'VISIT.FINISH' },
  help: { type: 'HELP.ASK' },
  reclaim: { type: 'HAND.RECLAIM' },
};

/**
 * What the open site's bar and the shell report, as session events; activity no more often than a view's.
 * `citizenMay` is assisted mode's rule (main/assist/hand.ts): while an agent has the hand, the bar's
 * buttons but "take back the hand" are theirs. What the shell reports (the kiosk page back through the
 * site's history, a site out of reach) has happened already, so it always reaches the machine.
 */
export function siteSignalsTo(send: (event: SessionEvent) => void, citizenMay: (event: RendererEvent) => boolean = () => true,
  now = () => performance.now()): (signal: SiteSignal) => void {
  const activityPasses = createThrottle(ACTIVITY_REPORT_INTERVAL_MS);
  return (signal) => {
    switch (signal) {
      case 'activity': if (activityPasses(now())) send({ type: 'USER.ACTIVITY' }); return;
      case 'left': return send({ type: 'SITE.CLOSE' });
      case 'unreachable': return send({ type: 'SITE.UNREACHABLE' });
      default: if (citizenMay(BAR_TOUCHES[signal])) send(BAR_TOUCHES[signal]);
    }
  };
}
