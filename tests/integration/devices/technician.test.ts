import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DevicesConfigSchema, type DevicesConfig } from '../../../common/device-config';
import { ok } from '../../../common/result';
import { badgeHashOf, badgeToken } from '../../../devices/codecs/badge-token';
import { ControlServer } from '../../../devices/control-server';
import { silentLogger } from '../../../devices/logger';
import { DeviceManager } from '../../../devices/manager';
import { ReceiptPrinterSimulator } from '../../../devices/simulators/receipt-printer-simulator';
import { runTechnician } from '../../../devices/technician';
import { processesMentioning, tempFolder } from './support';
import { freePort } from './tcp-support';

/** The test receipt as it reads back, but for its time line. */
const TEST_RECEIPT = [
  'Borne', 'Ticket de test / Test receipt', '', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
  'Accents : é è ê à ç ù ô î ï « » €', '', "Ce ticket est lisible et coupé : l'imprimante marche.", '', '', '',
];

/** `npm run devices` as a technician runs it, with a profile's devices and its printed lines. */
describe('the technician CLI', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let devices: DevicesConfig;
  let printed: string[];
  const stops: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    folder = await tempFolder();
    printed = [];
    devices = {
      thermometer: { serial: { path: folder.path('thermometer'), baudRate: 9600 }, simulator: { everySeconds: 0.2, celsius: 37.4 } },
      pulseOximeter: { model: 'cms50d', serial: { path: folder.path('ttyUSB7'), baudRate: 19200 } },
    };
  });

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await folder.remove();
  });

  const run = (...argv: string[]) => runTechnician(argv, { devices, socketPath: folder.path('devices.sock'), out: (text) => printed.push(text) });
  const json = () => JSON.parse(printed.join('\n'));
  /** `simulate` as a technician runs it, until the test interrupts it as Ctrl+C would. */
  const simulating = (...argv: string[]) => {
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const playing = runTechnician(argv, { devices, socketPath: folder.path('devices.sock'), out: (text) => printed.push(text), interrupted });
    return { playing, interrupt };
  };

  /** A running kiosk's devices and control socket, as the host opens them. */
  async function runningHost(): Promise<DeviceManager> {
    const manager = new DeviceManager(devices, silentLogger);
    await manager.start();
    stops.push(() => manager.stop());
    const server = await ControlServer.open({ socketPath: folder.path('devices.sock'), manager, logger: silentLogger, mayRead: () => ok(undefined) });
    if (!server.ok) throw new Error(server.error);
    stops.push(() => server.value.close());
    return manager;
  }

  it('lists the devices the profile declares', async () => {
    expect(await run('list', '--json')).toEqual(ok(undefined));
    expect(json()).toEqual([
      { id: 'thermometer', kind: 'thermometer', transport: 'serial', path: folder.path('thermometer'), baudRate: 9600, simulated: true },
      { id: 'pulseOximeter', kind: 'pulseOximeter', transport: 'serial', path: folder.path('ttyUSB7'), baudRate: 19200, simulated: false },
    ]);
  });

  it('with no kiosk running, opens the devices itself for status, and leaves nothing running', async () => {
    expect(await run('status', '--json')).toEqual(ok(undefined));
    expect(json()).toEqual([
      expect.objectContaining({ id: 'thermometer', kind: 'thermometer', state: 'ok', lastError: null }),
      expect.objectContaining({ id: 'pulseOximeter', kind: 'pulseOximeter', state: 'absent', lastError: expect.objectContaining({ message: expect.stringContaining('ttyUSB7') }) }),
    ]);
    expect(await processesMentioning(folder.path('thermometer'))).toEqual([]);
  });

  it('asks the running kiosk instead of opening its ports, and reads through it', async () => {
    await runningHost();
    expect(await run('status')).toEqual(ok(undefined));
    expect(printed.join('\n')).toMatch(/^ID +KIND +STATE +PAPER +LAST ERROR\nthermometer +thermometer +ok +- +-\npulseOximeter +pulseOximeter +absent +- +.*ttyUSB7.*\nfrom the running kiosk$/);
    printed = [];
    expect(await run('read', 'thermometer')).toEqual(ok(undefined));
    expect(printed).toEqual([expect.stringMatching(/^thermometer: 3\d\.\d °C \(ear\)$/)]);
  });

  it('lists a blood-pressure monitor and a scale, gives their health and reads them in words a technician can check', async () => {
    devices = {
      bloodPressureMonitor: {
        serial: { path: folder.path('blood-pressure'), baudRate: 9600 },
        simulator: { everySeconds: 0.2, systolic: 131, diastolic: 84, pulse: 66, irregularPulse: true },
      },
      scale: { serial: { path: folder.path('scale'), baudRate: 9600 }, simulator: { everySeconds: 0.2, kilograms: 81.5 } },
    };
    expect(await run('list')).toEqual(ok(undefined));
    expect(printed.join('\n')).toMatch(/^ID +KIND +TRANSPORT +PATH +SIMULATED\nbloodPressureMonitor +bloodPressureMonitor +serial 9600 baud +\S+blood-pressure +yes\nscale +scale +serial 9600 baud +\S+scale +yes$/);
    printed = [];
    expect(await run('status', '--json')).toEqual(ok(undefined));
    expect(json()).toEqual([
      expect.objectContaining({ id: 'bloodPressureMonitor', kind: 'bloodPressureMonitor', state: 'ok', lastError: null }),
      expect.objectContaining({ id: 'scale', kind: 'scale', state: 'ok', lastError: null }),
    ]);
    printed = [];
    expect(await run('read', 'bloodPressureMonitor')).toEqual(ok(undefined));
    expect(await run('read', 'scale')).toEqual(ok(undefined));
    expect(printed).toEqual([
      expect.stringMatching(/^blood pressure monitor: 1[23]\d\/8\d mmHg, mean \d+ mmHg, pulse 6\d\/min; noticed: irregularPulse$/),
      expect.stringMatching(/^scale: 81\.\d kg$/),
    ]);
    expect(await processesMentioning(folder.path('scale'))).toEqual([]);
  });

  it('plays a blood-pressure monitor on a new port, so that a kiosk configured there measures', async () => {
    const port = folder.path('played-monitor');
    devices = { bloodPressureMonitor: { serial: { path: folder.path('unused'), baudRate: 9600 }, simulator: { everySeconds: 0.2, systolic: 117, diastolic: 75, pulse: 80, irregularPulse: false } } };
    const { playing, interrupt } = simulating('simulate', 'bloodPressureMonitor', '--port', port);
    const kiosk = new DeviceManager({ bloodPressureMonitor: { serial: { path: port, baudRate: 9600 } } }, silentLogger);
    stops.push(() => kiosk.stop());
    await expect.poll(() => printed).toEqual([`playing a bloodPressureMonitor on ${port}; Ctrl+C stops it`]);
    await kiosk.start();
    expect(await kiosk.read('bloodPressureMonitor', 10_000)).toMatchObject({ ok: true, value: { kind: 'bloodPressureMonitor', flags: [] } });
    interrupt();
    expect(await playing).toEqual(ok(undefined));
    expect(await processesMentioning(port)).toEqual([]);
  });

  it('says what is wrong with a command in words a technician can act on', async () => {
    expect(await run('read', 'scale')).toEqual({ ok: false, error: 'no device scale in this profile; it declares thermometer, pulseOximeter' });
    expect(await run('simulate', 'thermometer')).toEqual({ ok: false, error: 'say where with --port <path>, for example --port /tmp/borne-thermometer' });
    expect(await run('print-test', 'thermometer')).toEqual({ ok: false, error: 'thermometer is not a printer: print-test prints on a printer' });
    expect(await run('frobnicate')).toMatchObject({ ok: false, error: expect.stringMatching(/^unknown command frobnicate\nusage: /) });
  });

  it('plays a device on a new port until interrupted, so that a kiosk configured there measures', async () => {
    const port = folder.path('played');
    const { playing, interrupt } = simulating('simulate', 'thermometer', '--port', port);
    const kiosk = new DeviceManager({ thermometer: { serial: { path: port, baudRate: 9600 } } }, silentLogger);
    stops.push(() => kiosk.stop());
    await expect.poll(() => printed).toEqual([`playing a thermometer on ${port}; Ctrl+C stops it`]);
    await kiosk.start();
    expect(await kiosk.read('thermometer', 10_000)).toMatchObject({ ok: true, value: { kind: 'thermometer', celsius: expect.closeTo(37.4, 0) } });
    interrupt();
    expect(await playing).toEqual(ok(undefined));
    expect(await processesMentioning(port)).toEqual([]);
  });

  // A badge reader is simulated on the HID bus inside the process that plays it (there is no hidraw here).
  describe('with a badge reader', () => {
    const SALT = 'technician-test-salt-01';
    beforeEach(() => {
      devices = DevicesConfigSchema.parse({
        badgeReader: {
          hid: { vendorId: 3111, productId: 15354 }, salt: SALT,
          mode: { type: 'keyboard-wedge', maxGapMs: 200 }, simulator: { badge: '04A1B2C3D4', everySeconds: 0.3 },
        },
      });
    });

    it('lists it on USB HID, gives its health, and reads a badge as its opaque id, never the number', async () => {
      expect(await run('list')).toEqual(ok(undefined));
      expect(printed.join('\n')).toMatch(/^ID +KIND +TRANSPORT +PATH +SIMULATED\nbadgeReader +badgeReader +hid +usb 0c27:3bfa +yes$/);
      printed = [];
      expect(await run('status', '--json')).toEqual(ok(undefined));
      expect(json()).toEqual([expect.objectContaining({ id: 'badgeReader', kind: 'badgeReader', state: 'ok', lastError: null })]);
      printed = [];
      await runningHost();
      expect(await run('read', 'badgeReader')).toEqual(ok(undefined));
      const id = badgeToken('04A1B2C3D4', SALT);
      // With the profile line that enrols it for an agent: the hash of the id, never the number.
      expect(printed).toEqual([`badge reader: badge ${id} (keyboard-wedge, ${printed[0]!.match(/\(keyboard-wedge, (\S+)\)/)?.[1]}); to enrol it, give its agent "badgeHash": "${badgeHashOf(id)}"`]);
      expect(printed.join('\n')).not.toContain('04A1B2C3D4');
    });

    it('plays the reader with its driver until interrupted, printing each badge as the kiosk receives it', async () => {
      const { playing, interrupt } = simulating('simulate', 'badgeReader');
      await expect.poll(() => printed.length).toBeGreaterThanOrEqual(2);
      expect(printed[0]).toBe('playing a badgeReader on the simulated HID bus of this command, read by its driver; Ctrl+C stops it');
      expect(printed[1]).toContain(`badge reader: badge ${badgeToken('04A1B2C3D4', SALT)} (keyboard-wedge`);
      interrupt();
      expect(await playing).toEqual(ok(undefined));
      expect(await run('simulate', 'badgeReader', '--port', '/tmp/x')).toEqual({ ok: false, error: 'a badgeReader is simulated on USB HID inside this command: leave out --port' });
    });
  });

  // Measuring devices may be on USB HID too (GATT record reports), simulated like the badge reader.
  describe('with measuring devices on USB HID', () => {
    beforeEach(() => {
      devices = DevicesConfigSchema.parse({
        bloodPressureMonitor: { hid: { vendorId: 6790, productId: 57346 }, simulator: { everySeconds: 0.2, systolic: 131, diastolic: 84 } },
        pulseOximeter: { model: 'plx', hid: { path: '/dev/hidraw5' }, simulator: { everySeconds: 0.2, spo2: 96, pulse: 64 } },
      });
    });

    it('lists them on USB HID and reads one, with the devices opened by the command itself', async () => {
      expect(await run('list')).toEqual(ok(undefined));
      expect(printed.join('\n')).toMatch(
        /^ID +KIND +TRANSPORT +PATH +SIMULATED\npulseOximeter +pulseOximeter +hid +\/dev\/hidraw5 +yes\nbloodPressureMonitor +bloodPressureMonitor +hid +usb 1a86:e002 +yes$/,
      );
      printed = [];
      expect(await run('read', 'bloodPressureMonitor')).toEqual(ok(undefined));
      expect(printed).toEqual([expect.stringMatching(/^blood pressure monitor: 1[23]\d\/[78]\d mmHg, mean \d+ mmHg, pulse [67]\d\/min$/)]);
    });

    it('plays a HID oximeter with its driver until interrupted, printing each reading as the kiosk receives it', async () => {
      const { playing, interrupt } = simulating('simulate', 'pulseOximeter');
      await expect.poll(() => printed.length).toBeGreaterThanOrEqual(2);
      expect(printed[0]).toBe('playing a pulseOximeter on the simulated HID bus of this command, read by its driver; Ctrl+C stops it');
      expect(printed[1]).toMatch(/^pulse oximeter: SpO2 9[5-7] %, pulse 6[1-7]\/min$/);
      interrupt();
      expect(await playing).toEqual(ok(undefined));
    });
  });

  // A network receipt printer: the simulator, started by the test, stands in for the printer on its TCP
  // port, so that the test reads what the technician's command printed.
  describe('with a receipt printer', () => {
    let simulator: ReceiptPrinterSimulator;

    beforeEach(async () => {
      const listened = await ReceiptPrinterSimulator.listen('127.0.0.1', 0);
      if (!listened.ok) throw new Error(listened.error);
      simulator = listened.value;
      stops.push(() => simulator.close());
      devices = DevicesConfigSchema.parse({ receiptPrinter: { tcp: { host: '127.0.0.1', port: simulator.port }, statusEverySeconds: 0.05, jobWaitSeconds: 1 } });
    });

    it('lists the printer with its network address', async () => {
      expect(await run('list', '--json')).toEqual(ok(undefined));
      expect(JSON.parse(printed.join('\n'))).toEqual([
        { id: 'receiptPrinter', kind: 'receiptPrinter', transport: 'tcp', path: `127.0.0.1:${simulator.port}`, simulated: false },
      ]);
    });

    it('prints a test receipt for real with no kiosk running, and says so', async () => {
      expect(await run('print-test', 'receiptPrinter')).toEqual(ok(undefined));
      expect(printed).toEqual(['test receipt printed on receiptPrinter (no kiosk running: devices opened by this command)']);
      expect(simulator.receipts()).toEqual([TEST_RECEIPT]);
    });

    it('prints through the running kiosk, and shows the paper in status', async () => {
      const manager = await runningHost();
      expect(await run('print-test', 'receiptPrinter')).toEqual(ok(undefined));
      expect(printed).toEqual(['test receipt printed on receiptPrinter (from the running kiosk)']);
      expect(simulator.receipts()).toEqual([TEST_RECEIPT]);

      simulator.changed((printer) => printer.setPaper('near-end'));
      await vi.waitFor(() => expect(manager.health()[0]?.printer?.paper).toBe('near-end'));
      printed = [];
      expect(await run('status')).toEqual(ok(undefined));
      expect(printed.join('\n')).toMatch(/^ID +KIND +STATE +PAPER +LAST ERROR\nreceiptPrinter +receiptPrinter +degraded +near end +paper near its end: put in a new roll soon \(.*\)\nfrom the running kiosk$/);
      printed = [];
      expect(await run('status', '--json')).toEqual(ok(undefined));
      expect(JSON.parse(printed.join('\n'))).toEqual([expect.objectContaining({ id: 'receiptPrinter', state: 'degraded', printer: { paper: 'near-end', cover: 'closed' } })]);
    });

    it('says why the test receipt did not print: the printer is out of paper', async () => {
      simulator.changed((printer) => printer.setPaper('out'));
      expect(await run('print-test', 'receiptPrinter')).toEqual({
        ok: false,
        error: 'the test receipt was not printed on receiptPrinter: not printed: the printer is out of paper: load a new roll, for more than 1 s',
      });
      expect(simulator.receipts()).toEqual([]);
      printed = [];
      expect(await run('status')).toEqual(ok(undefined));
      expect(printed[0]).toMatch(/\nreceiptPrinter +receiptPrinter +error +out +the printer is out of paper: load a new roll \(/);
    });

    it('plays a printer on a TCP port until interrupted, so that a kiosk configured there prints', async () => {
      const port = await freePort();
      const { playing, interrupt } = simulating('simulate', 'receiptPrinter', '--port', String(port));
      await vi.waitFor(() => expect(printed).toEqual([`playing a receiptPrinter on 127.0.0.1:${port}; Ctrl+C stops it`]));
      const kiosk = new DeviceManager(DevicesConfigSchema.parse({ receiptPrinter: { tcp: { host: '127.0.0.1', port }, statusEverySeconds: 0.05 } }), silentLogger);
      stops.push(() => kiosk.stop());
      await kiosk.start();
      expect(await kiosk.printAndWait('receiptPrinter', { lines: [{ text: 'bonjour' }] }, 10_000)).toEqual({ ok: true, value: { id: expect.any(String), state: 'done' } });
      interrupt();
      expect(await playing).toEqual(ok(undefined));
    });

    it('refuses to play a serial-only device on a TCP port', async () => {
      expect(await run('simulate', 'thermometer', '--port', '9100')).toEqual({
        ok: false, error: 'a thermometer is played on a serial line: give --port a path, for example --port /tmp/borne-thermometer',
      });
    });
  });
});
