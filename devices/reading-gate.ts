import type { DeviceKind } from '../common/devices';
import { describeRange, isPlausible, QUANTITIES, type Quantity } from '../common/plausible-ranges';
import type { DeviceLogger } from './logger';

/**
 * The host boundary for measured values: a driver asks before it emits a measurement, so an implausible
 * reading (a −300 °C from a faulty probe, the largest FLOAT from a corrupt frame) never reaches the
 * session. Each refusal is counted per kind, for a technician or the fleet to see a failing device,
 * and logged as a warning with the range it missed — never the value: logs rest on disk.
 * One gate is shared by every driver of a DeviceManager.
 */
export class ReadingGate {
  private readonly rejected = Object.fromEntries(QUANTITIES.map((kind) => [kind, 0])) as Record<Quantity, number>;

  /** `onRefused` hears every refusal, for the device's health (devices/device-health.ts). */
  constructor(private readonly logger: DeviceLogger, private readonly onRefused?: (device: DeviceKind, reason: string) => void) {}

  /** True if `value` may be shown; otherwise counts and logs the refusal. */
  admit(device: DeviceKind, kind: Quantity, value: number): boolean {
    if (isPlausible(kind, value)) return true;
    this.rejected[kind] += 1;
    const reason = `outside ${describeRange(kind)}`;
    this.logger.warn({ device, kind, reason }, 'implausible reading refused');
    this.onRefused?.(device, `${kind} ${reason}`);
    return false;
  }

  /** How many readings of each kind were refused since the gate was made. */
  rejectedReadings(): Record<Quantity, number> {
    return { ...this.rejected };
  }
}
