import type { DeviceConfigOf, SerialPortConfig, TcpEndpoint } from '../common/device-config';
import type { DeviceCommand, DeviceKind } from '../common/devices';
import type { Disposer } from '../common/disposables';
import type { MeasurementOf } from '../common/measurements';
import { fail, ok, type Result } from '../common/result';
import { deviceLine, transportOn } from './device-line';
import { BadgeReaderDriver } from './drivers/badge-reader';
import { BLOOD_PRESSURE } from './drivers/blood-pressure-monitor';
import { DocumentPrinterDriver } from './drivers/document-printer';
import type { DeviceDriver } from './drivers/driver';
import { PLX_SPOT_CHECK } from './drivers/plx-pulse-oximeter';
import { PulseOximeterDriver } from './drivers/pulse-oximeter';
import { ReceiptPrinterDriver } from './drivers/receipt-printer';
import { WEIGHT } from './drivers/scale';
import { TEMPERATURE } from './drivers/thermometer';
import { gattDriverFor, hidTransportFor, plugGattSimulator } from './gatt-device';
import type { DeviceLogger } from './logger';
import type { ReadingGate } from './reading-gate';
import { BadgeReaderSimulator } from './simulators/badge-reader-simulator';
import { BloodPressureSimulator } from './simulators/blood-pressure-simulator';
import { CupsSimulator } from './simulators/cups-simulator';
import { OximeterSimulator } from './simulators/oximeter-simulator';
import { EscPosPrinterModel } from './simulators/escpos-printer-model';
import { PlxOximeterSimulator } from './simulators/plx-oximeter-simulator';
import { openPtyPair } from './simulators/pty-pair';
import { ReceiptPrinterSimulator } from './simulators/receipt-printer-simulator';
import { ScaleSimulator } from './simulators/scale-simulator';
import { simulatedHidBus, type SimulatedHidBus } from './simulators/simulated-hid-bus';
import { playPrinterOnSerial } from './simulators/serial-printer-simulator';
import { ThermometerSimulator } from './simulators/thermometer-simulator';
import { ippQueueOf, IppTransport } from './transports/ipp-transport';
import { describeHidAddress } from './transports/hid-transport';
import { SerialTransport } from './transports/serial-transport';
import { SmartCardReaderDriver } from './drivers/smart-card-reader';
import { CARD_MODELS } from './simulators/card-models';
import { VirtualCard } from './simulators/virtual-card';
import { PcscTransport } from './transports/pcsc-transport';

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
  /**
   * Kinds that are not on a line of their own (a smart card in vpcd's virtual reader): plays the device
   * where its simulator settings say. Used instead of `play` and `listen`.
   */
  playVirtual?(config: SimulatedConfigOf<K>, logger: DeviceLogger): Promise<Result<Disposer[]>>;
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
  // A print queue is simulated by a print server at its address.
  if ('uri' in config) {
    const queue = ippQueueOf(config.uri);
    if (!queue.ok) return Promise.resolve(queue);
    return entry.listen ? entry.listen({ host: queue.value.host, port: queue.value.port }, simulated, logger) : Promise.resolve(fail(`a ${kind} cannot be simulated`));
  }
  if (entry.playVirtual) return entry.playVirtual(simulated, logger);
  if (!('serial' in config || 'tcp' in config || 'hid' in config)) return Promise.resolve(fail(`a ${kind} has no line to be simulated on`));
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
    createDriver: (config, logger, gate) => gattDriverFor(config, TEMPERATURE, logger, gate),
    play: async (devicePath, { serial, simulator }, logger) => {
      const device = await ThermometerSimulator.open(devicePath, serial?.baudRate);
      if (!device.ok) return device;
      device.value.startPeriodic(simulator.everySeconds, simulator.celsius);
      logger.info({ device: 'thermometer', path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
    plugInto: (bus, { hid, simulator }, logger) => plugGattSimulator('thermometer', hid, logger, (address) => {
      const device = ThermometerSimulator.plug(bus, address);
      device.startPeriodic(simulator.everySeconds, simulator.celsius);
      return device;
    }),
  },
  pulseOximeter: {
    commands: ['arm', 'cancel'],
    createDriver: (config, logger, gate) => (config.model === 'plx'
      ? gattDriverFor(config, PLX_SPOT_CHECK, logger, gate)
      : new PulseOximeterDriver(new SerialTransport({ ...serialOf(config), parity: 'odd', logger }), logger, gate)),
    play: async (devicePath, { model, serial, simulator: { everySeconds, ...reading } }, logger) => {
      if (model === 'plx') {
        const device = await PlxOximeterSimulator.open(devicePath, serial?.baudRate);
        if (!device.ok) return device;
        device.value.startPeriodic(everySeconds, reading);
        logger.info({ device: 'pulseOximeter', model, path: devicePath }, 'simulator started');
        return ok([() => device.value.close()]);
      }
      const device = await OximeterSimulator.open(devicePath, serial?.baudRate);
      if (!device.ok) return device;
      device.value.startLive(reading);
      logger.info({ device: 'pulseOximeter', model, path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
    // Only the PLX model is on HID (the schema refuses a CMS50D+ there).
    plugInto: (bus, { hid, simulator: { everySeconds, ...reading } }, logger) => plugGattSimulator('pulseOximeter', hid, logger, (address) => {
      const device = PlxOximeterSimulator.plug(bus, address);
      device.startPeriodic(everySeconds, reading);
      return device;
    }),
  },
  bloodPressureMonitor: {
    commands: ['arm', 'cancel'],
    createDriver: (config, logger, gate) => gattDriverFor(config, BLOOD_PRESSURE, logger, gate),
    play: async (devicePath, { serial, simulator: { everySeconds, ...reading } }, logger) => {
      const device = await BloodPressureSimulator.open(devicePath, serial?.baudRate);
      if (!device.ok) return device;
      device.value.startPeriodic(everySeconds, reading);
      logger.info({ device: 'bloodPressureMonitor', path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
    plugInto: (bus, { hid, simulator: { everySeconds, ...reading } }, logger) => plugGattSimulator('bloodPressureMonitor', hid, logger, (address) => {
      const device = BloodPressureSimulator.plug(bus, address);
      device.startPeriodic(everySeconds, reading);
      return device;
    }),
  },
  scale: {
    commands: ['arm', 'cancel'],
    createDriver: (config, logger, gate) => gattDriverFor(config, WEIGHT, logger, gate),
    play: async (devicePath, { serial, simulator }, logger) => {
      const device = await ScaleSimulator.open(devicePath, serial?.baudRate);
      if (!device.ok) return device;
      device.value.startPeriodic(simulator.everySeconds, simulator.kilograms);
      logger.info({ device: 'scale', path: devicePath }, 'simulator started');
      return ok([() => device.value.close()]);
    },
    plugInto: (bus, { hid, simulator }, logger) => plugGattSimulator('scale', hid, logger, (address) => {
      const device = ScaleSimulator.plug(bus, address);
      device.startPeriodic(simulator.everySeconds, simulator.kilograms);
      return device;
    }),
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
  documentPrinter: {
    commands: [],
    createDriver: (config, logger) => {
      const queue = ippQueueOf(config.uri);
      // The profile schema checked the URI; a queue that still does not parse says so through its status.
      const transport = new IppTransport(queue.ok ? queue.value : { host: '', port: 0, path: '/', name: '', uri: config.uri });
      return new DocumentPrinterDriver(transport, logger, { pollEveryMs: config.pollEverySeconds * 1000, jobWaitMs: config.jobWaitSeconds * 1000 });
    },
    play: () => Promise.resolve(fail('a document printer is played as a print server on a TCP port: give --port 631, or another port')),
    listen: async ({ port }, { uri }, logger) => {
      const queue = ippQueueOf(uri);
      if (!queue.ok) return queue;
      const server = await CupsSimulator.start({ port, queue: queue.value.name });
      if (!server.ok) return server;
      logger.info({ device: 'documentPrinter', address: server.value.uri, output: server.value.outputFolder }, 'simulator started');
      return ok([() => server.value.stop()]);
    },
  },
  smartCardReader: {
    commands: [],
    createDriver: ({ reader, cards }, logger) => new SmartCardReaderDriver(new PcscTransport({ reader, logger }), logger, cards, reader),
    play: () => Promise.resolve(fail('a smart card is played in vpcd\'s virtual reader, not on a line: give --port the vpcd port, for example --port 35963')),
    // The card keeps trying to go in until vpcd listens: pcscd may start after the kiosk, or never (the reader is then absent).
    playVirtual: async ({ simulator: { card, vpcdHost, vpcdPort } }, logger) => {
      if (card === 'none') return ok([]);
      const virtual = new VirtualCard(CARD_MODELS[card](), { host: vpcdHost, port: vpcdPort, logger });
      virtual.insert();
      logger.info({ device: 'smartCardReader', address: `${vpcdHost}:${vpcdPort}` }, 'simulator started');
      return ok([() => virtual.remove()]);
    },
  },
  badgeReader: {
    commands: [],
    createDriver: ({ hid, mode, salt, simulator }, logger) => new BadgeReaderDriver(hidTransportFor(hid, simulator !== undefined, logger), logger, { mode, salt }),
    plugInto: async (bus, { hid, mode, simulator }, logger) => {
      const reader = BadgeReaderSimulator.plug(bus, hid, mode);
      try {
        reader.checkBadge(simulator.badge);
      } catch (error) {
        reader.close();
        return fail(`simulator: ${(error as Error).message}`);
      }
      if (simulator.everySeconds !== undefined) reader.startPeriodic(simulator.everySeconds, simulator.badge);
      logger.info({ device: 'badgeReader', address: describeHidAddress(hid) }, 'simulator started');
      return ok([() => reader.close()]);
    },
  },
};

/** A CMS50D+ is on a serial line: the profile schema refuses it anywhere else. */
function serialOf(config: { serial?: SerialPortConfig }): SerialPortConfig {
  if (!config.serial) throw new Error('a CMS50D+ entry without serial: the profile schema should have refused it');
  return config.serial;
}

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
