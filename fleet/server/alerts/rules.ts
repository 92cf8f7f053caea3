import type { KioskStatus } from '../../../common/fleet-messages';
import type { AlertRule, AlertRules } from './settings';

/** A rule that holds for a kiosk now, with a short detail for people; nothing personal (statuses carry none). */
export interface AlertCondition {
  kioskId: string;
  rule: AlertRule;
  detail: string;
}

export interface WatchedKiosk {
  id: string;
  /** Enrolment time: a kiosk never heard from is offline once the window has passed since then. */
  createdAt: string;
  /** Its latest status and when it came, if it ever reported. */
  heard?: { at: string; status: KioskStatus };
}

/** Every condition that holds now for the approved kiosks given; one per kiosk and rule at most. */
export function conditionsNow(rules: AlertRules, kiosks: readonly WatchedKiosk[], now: Date): AlertCondition[] {
  return kiosks.flatMap((kiosk) => {
    const found: AlertCondition[] = [];
    const add = (rule: AlertRule, detail: string | undefined) => {
      if (detail !== undefined && rules[rule].enabled) found.push({ kioskId: kiosk.id, rule, detail });
    };
    add('offline', offline(rules.offline.minutes, kiosk, now));
    const status = kiosk.heard?.status;
    if (status) {
      add('paper', paper(rules.paper.nearEnd, status));
      add('device-error', deviceError(rules['device-error'].absent, status));
      add('crash-loop', status.restartsLastHour >= rules['crash-loop'].restartsPerHour ? `${status.restartsLastHour} restarts in the last hour` : undefined);
      add('wipe-failure', status.wipeFailed ? 'the last end-of-visit wipe failed: visits are refused until it is mended' : undefined);
    }
    return found;
  });
}

function offline(minutes: number, kiosk: WatchedKiosk, now: Date): string | undefined {
  const since = kiosk.heard?.at ?? kiosk.createdAt;
  if (now.getTime() - Date.parse(since) < minutes * 60_000) return undefined;
  // The detail names the moment, not the minutes since: it stays the same from one pass to the next.
  return kiosk.heard ? `not heard from since ${kiosk.heard.at}` : `never heard from since its enrolment at ${kiosk.createdAt}`;
}

function paper(nearEnd: boolean, status: KioskStatus): string | undefined {
  const printers = status.devices.filter((device) => device.paper === 'out' || (nearEnd && device.paper === 'near-end'));
  if (printers.length === 0) return undefined;
  return printers.map((device) => `${device.kind} ${device.id}: paper ${device.paper === 'out' ? 'out' : 'low'}`).join('; ');
}

function deviceError(absentToo: boolean, status: KioskStatus): string | undefined {
  const failing = status.devices.filter((device) => device.state === 'error' || (absentToo && device.state === 'absent'));
  if (failing.length === 0) return undefined;
  return failing.map((device) => `${device.kind} ${device.id}: ${device.state}`).join('; ');
}
