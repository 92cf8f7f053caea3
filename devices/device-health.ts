import {
  isPrinterKind, UNKNOWN_PRINTER_CONDITION, type DeviceHealth, type DeviceHealthState, type DeviceKind, type DeviceStatus, type PrinterCondition,
} from '../common/devices';

/** How long a fault keeps a device that answers `degraded`: long enough for a technician to notice. */
export const RECENT_FAULT_MS = 5 * 60_000;

export interface HealthOptions {
  /** Called with the new health whenever its state, last error or counters change. */
  onChange(health: DeviceHealth): void;
  now?: () => number;
  recentFaultMs?: number;
}

/**
 * One device's health (common/devices.ts `DeviceHealth`), from what its driver reports: the link's
 * status, frames that did not decode, readings the gate refused, commands that failed, and a printer's
 * paper and cover. A fault makes a device that answers `degraded` for `recentFaultMs`, then it is `ok`
 * again by itself; a printer whose paper is near its end stays `degraded` until a new roll is in. The
 * last error stays for the technician.
 */
export class DeviceHealthTracker {
  private link: DeviceStatus = { state: 'connecting' };
  private lastError: DeviceHealth['lastError'] = null;
  private lastFaultAt = Number.NEGATIVE_INFINITY;
  private malformedFrames = 0;
  private refusedReadings = 0;
  private printer: PrinterCondition | undefined;
  private recovery: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly recentFaultMs: number;

  constructor(readonly id: string, readonly kind: DeviceKind, private readonly options: HealthOptions) {
    this.now = options.now ?? Date.now;
    this.recentFaultMs = options.recentFaultMs ?? RECENT_FAULT_MS;
    if (isPrinterKind(kind)) this.printer = UNKNOWN_PRINTER_CONDITION;
  }

  get health(): DeviceHealth {
    const { id, kind, lastError, malformedFrames, refusedReadings, printer } = this;
    return { id, kind, state: this.state(), lastError, malformedFrames, refusedReadings, ...(printer ? { printer } : {}) };
  }

  linkChanged(status: DeviceStatus): void {
    this.link = status;
    // `closed` is the host letting go of the line, not a fault of the device.
    if (status.state === 'offline' && status.reason !== 'closed') this.noteError(status.reason);
    else this.changed();
  }

  malformedFrame(reason: string): void {
    this.malformedFrames += 1;
    this.fault(`bad frame: ${reason}`);
  }

  refusedReading(reason: string): void {
    this.refusedReadings += 1;
    this.fault(`implausible reading refused: ${reason}`);
  }

  commandFailed(reason: string): void {
    this.fault(reason);
  }

  /** What a printer said of its paper and cover. Out of paper or open, it also goes offline, which says why. */
  printerChanged(condition: PrinterCondition): void {
    const nearEnd = condition.paper === 'near-end' && this.printer?.paper !== 'near-end';
    this.printer = condition;
    if (nearEnd) this.noteError('paper near its end: put in a new roll soon');
    else this.changed();
  }

  /** Stops the timer that turns `degraded` back into `ok`. */
  dispose(): void {
    clearTimeout(this.recovery);
  }

  private state(): DeviceHealthState {
    if (this.link.state === 'offline') return this.link.absent ? 'absent' : 'error';
    if (this.link.state === 'connecting' || this.printer?.paper === 'near-end') return 'degraded';
    return this.now() - this.lastFaultAt < this.recentFaultMs ? 'degraded' : 'ok';
  }

  private fault(message: string): void {
    this.lastFaultAt = this.now();
    clearTimeout(this.recovery);
    // Nothing else happens when the fault ages out: this timer says `ok` again.
    this.recovery = setTimeout(() => this.changed(), this.recentFaultMs);
    this.recovery.unref();
    this.noteError(message);
  }

  private noteError(message: string): void {
    this.lastError = { message, at: new Date(this.now()).toISOString() };
    this.changed();
  }

  private changed(): void {
    this.options.onChange(this.health);
  }
}
