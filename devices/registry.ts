import type { DeviceConfigOf, TcpEndpoint } from '../common/device-config';
import type { DeviceCommand, DeviceKind } from '../common/devices';
import type { Disposer } from '../common/disposables';
import type { MeasurementOf } from '../common/measurements';
import { fail, ok, type Result } from '../common/result';
import { deviceLine, transportOn } from './device-line';
import { BadgeReaderDriver } from './drivers/badge-reader';
import { BloodPressureMonitorDriver } from './drivers/blood-pressure-monitor';
import type { DeviceDriver } from './drivers/driver';
import { PlxPulseOximeterDriver } from './drivers/plx-pulse-oximeter';
import { PulseOximeterDriver } from './drivers/pulse-oximeter';
import { ReceiptPrinterDriver } from './drivers/receipt-printer';
import { ScaleDriver } from './drivers/scale';
import { ThermometerDriver } from './drivers/thermometer';
import type { DeviceLogger } from './logger';
import type { ReadingGate } from './reading-gate';
import { BadgeReaderSimulator } from './simulators/badge-reader-simulator';
import { BloodPressureSimulator } from './simulators/blood-pressure-simulator';
import { OximeterSimulator } from './simulators/oximeter-simulator';
import { EscPosPrinterModel } from './simulators/escpos-printer-model';
import { PlxOximeterSimulator } from './simulators/plx-oximeter-simulator';
import { openPtyPair } from './simulators/pty-pair';
import { ReceiptPrinterSimulator } from './simulators/receipt-printer-simulator';
import { ScaleSimulator } from './simulators/scale-simulator';
import { simulatedHidBus, type SimulatedHidBus } from './simulators/simulated-hid-bus';
import { playPrinterOnSerial } from './simulators/serial-printer-simulator';
import { ThermometerSimulator } from './simulators/thermometer-simulator';
import { HidReportTransport, describeHidAddress } from './transports/hid-transport';
import { nodeHidBinding } from './transports/node-hid-binding';
import { SerialTransport } from './transports/serial-transport';

/** Everything the device manager needs to know of one kind of device. */
export interface DeviceKindEntry<K extends DeviceKind> {
  /** The commands this kind accepts; anything else is refused before it reaches the driver. */
  commands: readonly DeviceCommand[];
  createDriver(config: DeviceConfigOf<K>, logger: DeviceLogger, gate: ReadingGate): DeviceDriver<MeasurementOf<K>>;
  /**
   * Kinds on a serial line: plays the device from the far end of a line: `devicePath` is the device side (of
   * a pty pair, or a null-modem cable for `npm run devices -- simulate`), with the profile's `simulator`
   * settings or their defaults. Resolves with what stops it, or with why it could not start.
   */
  play?(devicePath: string, config: SimulatedConfigOf<K>, logger: DeviceLogger): Promise<Result<Disposer[]>>;
  /**
   * Kinds on USB HID: plugs the simulated device into `bus` (the host's simulated HID bus, which its driver
   * opens instead of node-hid). Resolves with what unplugs it, or with why it could not start.
   */
  plugInto?(bus: SimulatedHidBus, config: SimulatedConfigOf<K>, logger: DeviceLogger): Promise<Result<Disposer[]>>;
  /**
   * Kinds that may be on the network (the profile gives `tcp`): plays the device as a server listening at
   * `endpoint`. Resolves with what stops it, or with why it could not start (the port is taken).
   */
  listen?(endpoint: TcpEndpoint, config: SimulatedConfigOf<K>, logger: DeviceLogger): Promise<Result<Disposer[]>>;
}

/** A device's profile entry with its simulator's settings. */
export type SimulatedConfigOf<K extends DeviceKind> = DeviceConfigOf<K> & { simulator: NonNullable<DeviceConfigOf<K>['simulator']> };

/**
 * Demo and test kiosks (the profile gives `simulator`): plays the device from the far end of a pty
 * pair whose kiosk side is `serial.path`, as a server at the `tcp` address, or on the simulated HID bus. Resolves with what stops
 * it (nothing without `simulator`), or with why it could not start.
 */
export function simulate<K extends DeviceKind>(kind: K, config: DeviceConfigOf<K>, logger: DeviceLogger): Promise<Result<Disposer[]>> {
  const { simulator } = config;
  if (!simulator) return Promise.resolve(ok([]));
  const entry = DEVICE_REGISTRY[kind] as DeviceKindEntry<K>;
  const simulated = { ...config, simulator };
  const line = deviceLine(config);
  const cannot = (where: string) => Promise.resolve(fail(`a ${kind} cannot be simulated ${where}`));
  switch (line.type) {
    case 'serial': {
      const { play } = entry;
      return play ? withPtyPair(line.serial.path, (devicePath) => play(devicePath, simulated, logger)) : cannot('on a serial line');
    }
    case 'tcp': return entry.listen ? entry.listen(line.tcp, simulated, logger) : cannot('on the network');
    case 'hid': return entry.plugInto ? entry.plugInto(simulatedHidBus, simulated, logger) : cannot('on USB HID');
  }
}

/**
 * The device registry: one entry per kind. Adding a kind is adding an entry (with its config schema in
 * common/device-config.ts and its measurement in common/measurements.ts), a driver, a codec, a
 * simulator, a card in the renderer and its words; the manager, the session and the wipe follow.
 */
export const DEVICE_REGISTRY: { readonly [K in DeviceKind]: DeviceKindEntry<K> } = {
  thermometer: {
    commands: ['arm', 'cancel'],
    createDriver: ({ serial }, logger, gate) => new ThermometerDriver(new SerialTransport({ ...serial, logger }), logger, gate),
    play: async (devicePath, { serial, simulator }, logger) => {
      const device = await ThermometerSimulator.open(devicePath, serial.baudRate);
      if (!device.ok) return device;
      device.value.startPeriodic(simulator.everySeconds, simulator.celsius);
      logger.info({ device: 'thermometer', path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
  },
  pulseOximeter: {
    commands: ['arm', 'cancel'],
    createDriver: ({ model, serial }, logger, gate) => (model === 'plx'
      ? new PlxPulseOximeterDriver(new SerialTransport({ ...serial, logger }), logger, gate)
      : new PulseOximeterDriver(new SerialTransport({ ...serial, parity: 'odd', logger }), logger, gate)),
    play: async (devicePath, { model, serial, simulator: { everySeconds, ...reading } }, logger) => {
      if (model === 'plx') {
        const device = await PlxOximeterSimulator.open(devicePath, serial.baudRate);
        if (!device.ok) return device;
        device.value.startPeriodic(everySeconds, reading);
        logger.info({ device: 'pulseOximeter', model, path: devicePath }, 'simulator started');
        return ok([() => device.value.close()]);
      }
      const device = await OximeterSimulator.open(devicePath, serial.baudRate);
      if (!device.ok) return device;
      device.value.startLive(reading);
      logger.info({ device: 'pulseOximeter', model, path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
  },
  bloodPressureMonitor: {
    commands: ['arm', 'cancel'],
    createDriver: ({ serial }, logger, gate) => new BloodPressureMonitorDriver(new SerialTransport({ ...serial, logger }), logger, gate),
    play: async (devicePath, { serial, simulator: { everySeconds, ...reading } }, logger) => {
      const device = await BloodPressureSimulator.open(devicePath, serial.baudRate);
      if (!device.ok) return device;
      device.value.startPeriodic(everySeconds, reading);
      logger.info({ device: 'bloodPressureMonitor', path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
  },
  scale: {
    commands: ['arm', 'cancel'],
    createDriver: ({ serial }, logger, gate) => new ScaleDriver(new SerialTransport({ ...serial, logger }), logger, gate),
    play: async (devicePath, { serial, simulator }, logger) => {
      const device = await ScaleSimulator.open(devicePath, serial.baudRate);
      if (!device.ok) return device;
      device.value.startPeriodic(simulator.everySeconds, simulator.kilograms);
      logger.info({ device: 'scale', path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
  },
  receiptPrinter: {
    commands: [],
    createDriver: (config, logger) => new ReceiptPrinterDriver(transportOn(deviceLine(config), logger), logger, {
      codePage: config.codePage,
      statusEveryMs: config.statusEverySeconds * 1000,
      jobWaitMs: config.jobWaitSeconds * 1000,
    }),
    play: async (devicePath, { serial, simulator }, logger) => {
      const printer = new EscPosPrinterModel({ keptReceipts: 0 });
      printer.setPaper(simulator.paper);
      const played = await playPrinterOnSerial(devicePath, serial?.baudRate ?? 9600, printer);
      if (!played.ok) return played;
      logger.info({ device: 'receiptPrinter', path: devicePath }, 'simulator started');
      return ok([played.value]);
    },
    listen: async ({ host, port }, { simulator }, logger) => {
      const device = await ReceiptPrinterSimulator.listen(host, port, new EscPosPrinterModel({ keptReceipts: 0 }));
      if (!device.ok) return device;
      device.value.changed((printer) => printer.setPaper(simulator.paper));
      logger.info({ device: 'receiptPrinter', address: `${host}:${device.value.port}` }, 'simulator started');
      return ok([() => device.value.close()]);
    },
  },
  badgeReader: {
    commands: [],
    createDriver: ({ hid, mode, salt, simulator }, logger) => new BadgeReaderDriver(
      new HidReportTransport({ address: hid, binding: simulator ? simulatedHidBus : nodeHidBinding, logger }), logger, { mode, salt },
    ),
    plugInto: async (bus, { hid, mode, simulator }, logger) => {
      const reader = BadgeReaderSimulator.plug(bus, hid, mode);
      try {
        reader.checkBadge(simulator.badge);
      } catch (error) {
        reader.close();
        return fail(`simulator: ${(error as Error).message}`);
      }
      reader.startPeriodic(simulator.everySeconds, simulator.badge);
      logger.info({ device: 'badgeReader', address: describeHidAddress(hid) }, 'simulator started');
      return ok([() => reader.close()]);
    },
  },
};

/** A pty pair with the kiosk side at `kioskPath` and the device side at `kioskPath.sim`, for `play`. */
async function withPtyPair(
  kioskPath: string,
  play: (devicePath: string) => Promise<Result<Disposer[]>>,
): Promise<Result<Disposer[]>> {
  const pair = await openPtyPair({ kioskPath, devicePath: `${kioskPath}.sim` });
  if (!pair.ok) return fail(`simulator: ${pair.error}`);
  const played = await play(pair.value.devicePath);
  if (!played.ok) {
    await pair.value.stop();
    return played;
  }
  // The simulator lets go of its side before the pair disappears.
  return ok([() => pair.value.stop(), ...played.value]);
}
