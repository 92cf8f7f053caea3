import { statfs } from 'node:fs/promises';
import { KioskStatusSchema, type KioskStatus, type ReportedDevice } from '../../common/fleet-messages';
import type { DeviceHealth } from '../../common/devices';
import type { KioskFacts } from './host-controls';
import { fleetText } from './fleet-text';

/** What the agent adds to the host's facts to make the full reported state. */
export interface StatusContext {
  softwareVersion: string;
  /** When the host process started (epoch ms). */
  startedAt: number;
  configVersion: number;
  /** The state folder, whose file system's free space the fleet watches (the outbox and usage live there). */
  stateDir: string;
  now: number;
}


export function reportedDevice(health: DeviceHealth): ReportedDevice {
  return {
    id: health.id.slice(0, 64),
    kind: health.kind,
    state: health.state,
    ...(health.printer ? { paper: health.printer.paper } : {}),
    lastError: health.lastError ? fleetText(health.lastError.message) : null,
  };
}

/** The full status, checked against the contract before it leaves (a host fact out of bounds is a bug to see here, not on the server). */
export async function kioskStatus(facts: KioskFacts, context: StatusContext): Promise<KioskStatus> {
  const disk = await statfs(context.stateDir).then(
    (stats) => ({ freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize }),
    () => ({ freeBytes: 0, totalBytes: 0 }),
  );
  return KioskStatusSchema.parse({
    online: true,
    sentAt: new Date(context.now).toISOString(),
    softwareVersion: context.softwareVersion,
    uptimeSeconds: Math.max(0, Math.floor((context.now - context.startedAt) / 1000)),
    visit: facts.visit,
    devices: facts.devices.slice(0, 32).map(reportedDevice),
    disk,
    configVersion: context.configVersion,
    lastError: facts.lastError && { message: fleetText(facts.lastError.message), at: facts.lastError.at },
    restartsLastHour: facts.restartsLastHour,
    wipeFailed: facts.wipeFailed,
  });
}
