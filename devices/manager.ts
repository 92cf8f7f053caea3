import { EventEmitter } from 'node:events';
import type { CardKind, CardPresence } from '../common/cards';
import type { BadgeScan } from '../common/badge';
import type { DeviceConfigOf, DevicesConfig } from '../common/device-config';
import { DEVICE_KINDS, type DeviceCommand, type DeviceHealth, type DeviceKind, type DeviceStatus } from '../common/devices';
import { DisposableStore } from '../common/disposables';
import type { Measurement } from '../common/measurements';
import { isFinished, type PrintJob, type Receipt } from '../common/print-job';
import type { Quantity } from '../common/plausible-ranges';
import { fail, ok, type Result } from '../common/result';
import { DeviceHealthTracker, type HealthOptions } from './device-health';
import { isCardReadingDriver, isPrintingDriver, type DeviceDriver, type PrintingDriver } from './drivers/driver';
import type { DeviceLogger } from './logger';
import { ReadingGate } from './reading-gate';
import { DEVICE_REGISTRY, simulate, type DeviceKindEntry } from './registry';

export interface DeviceManagerEvents {
  measurement: [measurement: Measurement];
  status: [kind: DeviceKind, status: DeviceStatus];
  /** A device's health changed (devices/device-health.ts). */
  health: [health: DeviceHealth];
  /** A print job changed state (queued, printing, waiting, done, failed). */
  printJob: [kind: DeviceKind, job: PrintJob];
  /** A card reader: a card came in (its kind only) or went out. */
  card: [kind: DeviceKind, presence: CardPresence];
  /** A badge reader read a badge: an opaque id, never its number (common/badge.ts). */
  badge: [scan: BadgeScan];
}

export interface DeviceManagerOptions {
  /** For tests: the clock and the time a fault keeps a device `degraded`. */
  health?: Omit<HealthOptions, 'onChange'>;
}

/**
 * Every configured device, as the host sees it: typed measurements and statuses, whatever the wire,
 * and commands with typed results. Each kind comes from the registry (devices/registry.ts); nothing
 * here names one. A device that cannot start (no socat, no port) is reported offline with the
 * reason; `start()` never throws, because a kiosk without its thermometer still serves every other
 * procedure. A reading outside its plausible range (common/plausible-ranges.ts) never leaves a driver.
 */
export class DeviceManager extends EventEmitter<DeviceManagerEvents> {
  private readonly current: Partial<Record<DeviceKind, DeviceStatus>> = {};
  private readonly drivers: Partial<Record<DeviceKind, DeviceDriver<Measurement>>> = {};
  private readonly running = new DisposableStore();
  private readonly gate: ReadingGate;
  private readonly trackers: Partial<Record<DeviceKind, DeviceHealthTracker>> = {};
  private starting: Promise<void> | undefined;

  constructor(private readonly config: DevicesConfig, private readonly logger: DeviceLogger, options: DeviceManagerOptions = {}) {
    super();
    this.gate = new ReadingGate(logger, (kind, reason) => this.trackers[kind]?.refusedReading(reason));
    // A device is known from construction, before it is started: the technician lists what the profile declares.
    for (const kind of DEVICE_KINDS) {
      if (!config[kind]) continue;
      this.trackers[kind] = new DeviceHealthTracker(kind, kind, { ...options.health, onChange: (health) => this.emit('health', health) });
      this.running.add(() => this.trackers[kind]?.dispose());
    }
  }

  /** The health of every configured device, in the registry's order. */
  health(): DeviceHealth[] {
    return DEVICE_KINDS.flatMap((kind) => this.trackers[kind]?.health ?? []);
  }

  /** The last status of each configured device. */
  statuses(): Partial<Record<DeviceKind, DeviceStatus>> {
    return { ...this.current };
  }

  /** How many implausible readings of each quantity were refused since the manager was made. */
  rejectedReadings(): Record<Quantity, number> {
    return this.gate.rejectedReadings();
  }

  /** Starts every configured device; resolves once each has made its first attempt. Idempotent. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      for (const kind of DEVICE_KINDS) {
        const config = this.config[kind];
        if (config) await this.startDevice(kind, config);
      }
    })();
    return this.starting;
  }

  /** Stops every device, simulators and pty pairs included. Idempotent; safe while `start()` is running. */
  async stop(): Promise<void> {
    await this.starting;
    // Newest first: a driver lets go of its line before the simulator's pty disappears, so it does not reconnect.
    for (const error of await this.running.dispose()) this.logger.error({ reason: String(error) }, 'a device did not stop cleanly');
  }

  /** Asks a device to do something for a measurement step; an unknown kind or command is an error value. */
  async command(kind: DeviceKind, command: DeviceCommand): Promise<Result<void>> {
    const driver = this.drivers[kind];
    if (!driver) return fail(`this kiosk has no ${kind}`);
    if (!DEVICE_REGISTRY[kind].commands.includes(command)) return fail(`a ${kind} does not take the command ${command}`);
    const done = await driver.command(command);
    if (!done.ok) this.trackers[kind]?.commandFailed(done.error);
    return done;
  }

  /**
   * Queues `receipt` on the printer `kind` and answers its job (`queued`); its next states come as
   * `printJob` events. An error value when there is no such printer or it cannot take the receipt
   * (characters it cannot print: nothing is printed then). See common/print-job.ts.
   */
  print(kind: DeviceKind, receipt: Receipt): Result<PrintJob> {
    const printer = this.printer(kind);
    return printer.ok ? printer.value.print(receipt) : printer;
  }

  /**
   * Prints `receipt` and answers the job once it is done or failed, for the technician's `print-test`.
   * A job still not finished after `timeoutMs` is cancelled, and the answer says why it waited.
   */
  async printAndWait(kind: DeviceKind, receipt: Receipt, timeoutMs: number): Promise<Result<PrintJob>> {
    const printer = this.printer(kind);
    if (!printer.ok) return printer;
    let last: PrintJob | undefined;
    let settle: (job: PrintJob) => void = () => {};
    const finished = new Promise<PrintJob>((resolve) => (settle = resolve));
    const listener = (from: DeviceKind, job: PrintJob): void => {
      if (from !== kind || job.id !== last?.id) return;
      last = job;
      if (isFinished(job)) settle(job);
    };
    this.on('printJob', listener);
    const timer = setTimeout(() => {
      const why = last?.state === 'waiting' ? `: ${last.reason}` : '';
      if (last) printer.value.cancelJob(last.id, `not printed within ${Math.round(timeoutMs / 1000)} s${why}; cancelled`);
    }, timeoutMs);
    try {
      const queued = printer.value.print(receipt);
      if (!queued.ok) return queued;
      last = queued.value;
      return ok(await finished);
    } finally {
      clearTimeout(timer);
      this.off('printJob', listener);
    }
  }

  /** Fails every printer's unfinished jobs with `reason` and releases their receipts; answers how many. */
  dropPrintJobs(reason: string): number {
    return this.printers().reduce((dropped, printer) => dropped + printer.dropPendingJobs(reason), 0);
  }

  /** Every printer's unfinished jobs: none after `dropPrintJobs`, which this proves. */
  pendingPrintJobs(): PrintJob[] {
    return this.printers().flatMap((printer) => printer.pendingJobs());
  }

  /** Dropped jobs a print server may still print (their cancellation was not confirmed), with why. */
  async unconfirmedCancellations(): Promise<string[]> {
    const left = await Promise.all(this.printers().map((printer) => printer.confirmDropped?.() ?? []));
    return left.flat();
  }

  /**
   * Arms `kind` (when it takes `arm`) and answers its next measurement, or its next badge for a badge reader,
   * for the technician's `read`; an error value when the device cannot be armed or sends nothing within
   * `timeoutMs`. The session's own steps do not use this.
   */
  async read(kind: DeviceKind, timeoutMs: number): Promise<Result<Measurement | BadgeScan>> {
    const arms = DEVICE_REGISTRY[kind].commands.includes('arm');
    let measured: ((measurement: Measurement) => void) | undefined;
    let badged: ((scan: BadgeScan) => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const next = new Promise<Result<Measurement | BadgeScan>>((resolve) => {
      measured = (measurement) => {
        if (measurement.kind === kind) resolve(ok(measurement));
      };
      badged = (scan) => {
        if (scan.kind === kind) resolve(ok(scan));
      };
      this.on('measurement', measured);
      this.on('badge', badged);
      const what = arms ? 'measurement' : 'badge';
      timer = setTimeout(() => resolve(fail(`the ${kind} sent no ${what} within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    try {
      if (arms) {
        const armed = await this.command(kind, 'arm');
        if (!armed.ok) return armed;
      } else if (!this.drivers[kind]) return fail(`this kiosk has no ${kind}`);
      return await next;
    } finally {
      clearTimeout(timer);
      this.off('measurement', measured!);
      this.off('badge', badged!);
      if (arms) void this.command(kind, 'cancel');
    }
  }

  /**
   * The kind of the card in the reader `kind`, or of the next one put in within `timeoutMs`, for the
   * technician's `read`; an error value when there is no such reader or no card came.
   */
  async readCard(kind: DeviceKind, timeoutMs: number): Promise<Result<CardKind | 'unknown'>> {
    const driver = this.drivers[kind];
    if (!driver || !isCardReadingDriver(driver)) return fail(`this kiosk has no card reader ${kind}`);
    if (driver.cardInReader) return ok(driver.cardInReader.kind);
    let listener: ((from: DeviceKind, presence: CardPresence) => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<Result<CardKind | 'unknown'>>((resolve) => {
        listener = (from, presence) => {
          if (from === kind && presence.type === 'inserted') resolve(ok(presence.kind));
        };
        this.on('card', listener);
        timer = setTimeout(() => resolve(fail(`no card was put in the ${kind} within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
      this.off('card', listener!);
    }
  }

  private printer(kind: DeviceKind): Result<PrintingDriver> {
    const driver = this.drivers[kind];
    if (!driver) return fail(`this kiosk has no ${kind}`);
    return isPrintingDriver(driver) ? ok(driver) : fail(`${kind} is not a printer`);
  }

  private printers(): PrintingDriver[] {
    return Object.values(this.drivers).filter((driver) => isPrintingDriver(driver));
  }

  private async startDevice<K extends DeviceKind>(kind: K, config: DeviceConfigOf<K>): Promise<void> {
    const entry = DEVICE_REGISTRY[kind] as DeviceKindEntry<K>;
    this.report(kind, { state: 'connecting' });
    try {
      const simulated = await simulate(kind, config, this.logger);
      if (!simulated.ok) {
        this.report(kind, { state: 'offline', reason: simulated.error });
        return;
      }
      for (const stop of simulated.value) this.running.add(stop);
      const driver = entry.createDriver(config, this.logger, this.gate) as unknown as DeviceDriver<Measurement>;
      driver.on('measurement', (measurement) => this.emit('measurement', measurement));
      driver.on('status', (status) => this.report(kind, status));
      driver.on('malformed', (reason) => this.trackers[kind]?.malformedFrame(reason));
      driver.on('printer', (condition) => this.trackers[kind]?.printerChanged(condition));
      driver.on('job', (job) => this.emit('printJob', kind, job));
      driver.on('card', (presence) => this.emit('card', kind, presence));
      driver.on('fault', (reason) => this.trackers[kind]?.commandFailed(reason));
      driver.on('badge', (scan) => this.emit('badge', scan));
      this.drivers[kind] = driver;
      this.running.add(() => driver.stop());
      await driver.start();
    } catch (error) {
      // Nothing above should throw; if something does, the kiosk keeps running without this device.
      this.report(kind, { state: 'offline', reason: `failed to start: ${(error as Error).message}` });
    }
  }

  private report(kind: DeviceKind, status: DeviceStatus): void {
    this.current[kind] = status;
    this.trackers[kind]?.linkChanged(status);
    if (status.state === 'offline') this.logger.warn({ device: kind, reason: status.reason }, 'device offline');
    else this.logger.info({ device: kind, state: status.state }, 'device status');
    this.emit('status', kind, status);
  }
}
