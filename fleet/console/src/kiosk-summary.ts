import type { ReportedDevice } from '../../../common/fleet-messages';
import type { Kiosk } from './api/shapes';

/**
 * What the fleet list says about one kiosk, decided once here: which devices are in trouble, how its
 * paper is, and whether someone should look at it. Pure, so the filters and the counts agree.
 */
export function deviceProblems(kiosk: Kiosk): ReportedDevice[] {
  return (kiosk.status?.devices ?? []).filter((device) => device.state !== 'ok');
}

/** The worst paper state among its printers, or null when it has none that report paper. */
export function paperOf(kiosk: Kiosk): 'ok' | 'near-end' | 'out' | 'unknown' | null {
  const states = (kiosk.status?.devices ?? []).flatMap((device) => (device.paper ? [device.paper] : []));
  for (const worst of ['out', 'near-end', 'unknown', 'ok'] as const) if (states.includes(worst)) return worst;
  return null;
}

/** An approved kiosk that is offline, has a device problem, paper trouble, a failed wipe or a refused configuration; or one waiting for approval. */
export function needsAttention(kiosk: Kiosk): boolean {
  if (kiosk.state === 'pending') return true;
  if (kiosk.state === 'revoked') return false;
  const paper = paperOf(kiosk);
  return kiosk.online === false || deviceProblems(kiosk).length > 0 || paper === 'out' || paper === 'near-end'
    || kiosk.status?.wipeFailed === true || Boolean(kiosk.config_error);
}

export interface FleetFilters {
  text: string;
  /** '' for every group, null for kiosks without a group. */
  group: string | null;
  connection: 'any' | 'online' | 'offline';
  problemsOnly: boolean;
}

export const NO_FILTERS: FleetFilters = { text: '', group: '', connection: 'any', problemsOnly: false };

export function matches(kiosk: Kiosk, filters: FleetFilters): boolean {
  const text = filters.text.trim().toLowerCase();
  if (text && !kiosk.name.toLowerCase().includes(text) && !kiosk.id.startsWith(text)) return false;
  if (filters.group === null ? Boolean(kiosk.group_name) : filters.group !== '' && kiosk.group_name !== filters.group) return false;
  if (filters.connection === 'online' && kiosk.online !== true) return false;
  if (filters.connection === 'offline' && kiosk.online === true) return false;
  return !filters.problemsOnly || needsAttention(kiosk);
}

export function fleetCounts(kiosks: readonly Kiosk[]): { total: number; online: number; attention: number } {
  return { total: kiosks.length, online: kiosks.filter((k) => k.online === true).length, attention: kiosks.filter(needsAttention).length };
}

export function groupsOf(kiosks: readonly Kiosk[]): string[] {
  return [...new Set(kiosks.flatMap((k) => (k.group_name ? [k.group_name] : [])))].sort();
}
