import { EventEmitter } from 'node:events';
import type { DeviceKind, DeviceStatus } from '../common/devices';
import type { TemperatureMeasurement } from '../common/measurements';
import type { Quantity } from '../common/plausible-ranges';
import { fail, ok, type Result } from '../common/result';
import type { DevicesConfig, ThermometerConfig } from './config';
import { ThermometerDriver } from './drivers/thermometer';
import type { DeviceLogger } from './logger';
import { ReadingGate } from './reading-gate';
import { openPtyPair } from './simulators/pty-pair';
import { ThermometerSimulator } from './simulators/thermometer-simulator';
import { SerialTransport } from './transports/serial-transport';

export interface DeviceManagerEvents {
  measurement: [kind: 'thermometer', measurement: TemperatureMeasurement];
  status: [kind: DeviceKind, status: DeviceStatus];
}

/**
 * Every configured device, as the host sees it: typed measurements and statuses, whatever the wire.
 * A device that cannot start (no socat, no port) is reported offline with the reason; `start()` never
 * throws, because a kiosk without its thermometer still serves every other procedure. A reading outside
 * its kind's plausible range (common/plausible-ranges.ts) is refused here, before the host sees it.
 */
export class DeviceManager extends EventEmitter<DeviceManagerEvents> {
  private readonly current: Partial<Record<DeviceKind, DeviceStatus>> = {};
  /** What `stop()` undoes, in the order things were started. */
  private readonly started: Array<() => Promise<void>> = [];
  private starting: Promise<void> | undefined;
  private readonly gate: ReadingGate;

  constructor(private readonly config: DevicesConfig, private readonly logger: DeviceLogger) {
    super();
    this.gate = new ReadingGate(logger);
  }

  /** The last status of each configured device. */
  statuses(): Partial<Record<DeviceKind, DeviceStatus>> {
    return { ...this.current };
  }

  /** How many implausible readings of each kind were refused since the manager was made. */
  rejectedReadings(): Record<Quantity, number> {
    return this.gate.rejectedReadings();
  }

  /** Starts every configured device; resolves once each has made its first attempt. Idempotent. */
  start(): Promise<void> {
    this.starting ??= this.config.thermometer ? this.startThermometer(this.config.thermometer) : Promise.resolve();
    return this.starting;
  }

  /** Stops every device, simulators and pty pairs included. Idempotent; safe while `start()` is running. */
  async stop(): Promise<void> {
    await this.starting;
    this.starting = undefined;
    // Newest first: the driver lets go of the line before its pty disappears, so it does not start reconnecting.
    for (const undo of this.started.splice(0).reverse()) await undo();
  }

  private async startThermometer(config: ThermometerConfig): Promise<void> {
    this.report('thermometer', { state: 'connecting' });
    try {
      if (config.simulator) {
        const simulated = await this.startSimulator(config.serial, config.simulator);
        if (!simulated.ok) {
          this.report('thermometer', { state: 'offline', reason: simulated.error });
          return;
        }
      }
      const { path, baudRate } = config.serial;
      const driver = new ThermometerDriver(
        new SerialTransport({ path, baudRate, logger: this.logger }), this.logger, this.gate);
      driver.on('measurement', (measurement) => this.emit('measurement', 'thermometer', measurement));
      driver.on('status', (status) => this.report('thermometer', status));
      this.started.push(() => driver.stop());
      await driver.start();
    } catch (error) {
      // Nothing above should throw; if something does, the kiosk keeps running without this device.
      this.report('thermometer', { state: 'offline', reason: `failed to start: ${(error as Error).message}` });
    }
  }

  /** A pty pair with the kiosk side at the configured path, and a simulator on the `.sim` side. */
  private async startSimulator(
    serial: ThermometerConfig['serial'],
    simulator: NonNullable<ThermometerConfig['simulator']>,
  ): Promise<Result<void>> {
    const pair = await openPtyPair({ kioskPath: serial.path, devicePath: `${serial.path}.sim` });
    if (!pair.ok) return fail(`simulator: ${pair.error}`);
    this.started.push(() => pair.value.stop());
    const device = await ThermometerSimulator.open(pair.value.devicePath, serial.baudRate);
    if (!device.ok) return device;
    this.started.push(() => device.value.close());
    device.value.startPeriodic(simulator.everySeconds, simulator.celsius);
    this.logger.info({ device: 'thermometer', path: serial.path }, 'simulator started');
    return ok(undefined);
  }

  private report(kind: DeviceKind, status: DeviceStatus): void {
    this.current[kind] = status;
    if (status.state === 'offline') this.logger.warn({ device: kind, reason: status.reason }, 'device offline');
    else this.logger.info({ device: kind, state: status.state }, 'device status');
    this.emit('status', kind, status);
  }
}
