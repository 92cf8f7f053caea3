import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { KioskStatus } from '../../../common/fleet-messages';
import type { RolloutState } from '../store/schema';

export const StageSchema = z.object({
  /** Share of the kiosks (of the groups, if named) that take the release at this stage. */
  percent: z.number().int().min(1).max(100),
  /** Only kiosks of these groups; every kiosk when absent. */
  groups: z.array(z.string().trim().min(1).max(60)).min(1).max(20).optional(),
}).strict();
export type Stage = z.infer<typeof StageSchema>;

export interface Rollout {
  id: string;
  version: string;
  fromVersion: string | null;
  stages: Stage[];
  stage: number;
  state: RolloutState;
  healthMinutes: number;
}

export interface FleetKiosk {
  id: string;
  name: string;
  group: string | null;
}

/**
 * A kiosk's place in a rollout, 0 to 99, from a hash of both ids: stable across stages (a kiosk in
 * the 10 % stays in the 50 %), different from one rollout to the next (not always the same kiosks first).
 */
export function bucketOf(kioskId: string, rolloutId: string): number {
  return createHash('sha256').update(`${rolloutId}:${kioskId}`).digest().readUInt32BE(0) % 100;
}

/** Whether the stages reached so far include the kiosk. */
export function inRollout(kiosk: FleetKiosk, rollout: Rollout): boolean {
  const bucket = bucketOf(kiosk.id, rollout.id);
  return rollout.stages.slice(0, rollout.stage + 1).some((stage) =>
    bucket < stage.percent && (!stage.groups || (kiosk.group !== null && stage.groups.includes(kiosk.group))));
}

/** The version a kiosk's feed offers under the newest rollout, or null: the kiosk keeps what it runs. */
export function targetVersion(kiosk: FleetKiosk, rollout: Rollout | undefined): string | null {
  if (!rollout) return null;
  if (rollout.state === 'complete') return rollout.version;
  if (rollout.state === 'rolled-back') return rollout.fromVersion;
  return inRollout(kiosk, rollout) ? rollout.version : rollout.fromVersion;
}

export interface HeardKiosk extends FleetKiosk {
  heardAt: string | null;
  status: KioskStatus | null;
}

export type KioskHealth = 'healthy' | 'waiting' | 'unhealthy';

/**
 * The health check a kiosk reports after updating, read from its status: it runs the release, has run
 * it for `healthMinutes` (its uptime counts from the restart into the new version), is heard within the
 * online window, and has neither restarted by itself nor failed a wipe since.
 */
export function healthOf(kiosk: HeardKiosk, rollout: Rollout, now: Date, onlineWindowSeconds: number): { health: KioskHealth; why: string } {
  const { status, heardAt } = kiosk;
  if (!status || !heardAt) return { health: 'waiting', why: 'never heard from' };
  if (now.getTime() - Date.parse(heardAt) > onlineWindowSeconds * 1000) return { health: 'waiting', why: 'offline' };
  if (status.softwareVersion !== rollout.version) return { health: 'waiting', why: `still runs ${status.softwareVersion}` };
  if (status.restartsLastHour > 0) return { health: 'unhealthy', why: `restarted ${status.restartsLastHour} times in the last hour` };
  if (status.wipeFailed) return { health: 'unhealthy', why: 'its last wipe failed' };
  if (status.uptimeSeconds < rollout.healthMinutes * 60) return { health: 'waiting', why: `up ${Math.floor(status.uptimeSeconds / 60)} of ${rollout.healthMinutes} minutes` };
  return { health: 'healthy', why: 'healthy' };
}

export interface StageProgress {
  targeted: number;
  healthy: number;
  waiting: number;
  unhealthy: number;
  /** Kiosks holding the next stage back, with why, a few at most. */
  holding: { id: string; name: string; why: string }[];
}

/** How the kiosks of the stages reached so far are doing; the next stage waits until all are healthy. */
export function stageProgress(kiosks: readonly HeardKiosk[], rollout: Rollout, now: Date, onlineWindowSeconds: number): StageProgress {
  const progress: StageProgress = { targeted: 0, healthy: 0, waiting: 0, unhealthy: 0, holding: [] };
  for (const kiosk of kiosks) {
    if (!inRollout(kiosk, rollout)) continue;
    progress.targeted++;
    const { health, why } = healthOf(kiosk, rollout, now, onlineWindowSeconds);
    progress[health]++;
    if (health !== 'healthy' && progress.holding.length < 10) progress.holding.push({ id: kiosk.id, name: kiosk.name, why });
  }
  return progress;
}
