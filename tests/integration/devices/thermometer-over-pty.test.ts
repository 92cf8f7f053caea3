import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/devices';
import type { MeasurementOf } from '../../../common/measurements';
import { ThermometerDriver } from '../../../devices/drivers/thermometer';
import { silentLogger } from '../../../devices/logger';
import { openPtyPair, type PtyPair } from '../../../devices/simulators/pty-pair';
import { ThermometerSimulator } from '../../../devices/simulators/thermometer-simulator';
import { SerialTransport } from '../../../devices/transports/serial-transport';
import { nextEvent, tempFolder } from './support';

// Real socat ptys, real serialport, real SLIP frames: the path a reading takes on a demo kiosk.
describe('thermometer over a real pty', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let kioskPath: string;
  let devicePath: string;
  const cleanup: Array<() => Promise<void>> = [];

  const startPair = async (): Promise<PtyPair> => {
    const pair = await openPtyPair({ kioskPath, devicePath });
    if (!pair.ok) throw new Error(pair.error);
    cleanup.push(() => pair.value.stop());
    return pair.value;
  };
  const startSimulator = async (): Promise<ThermometerSimulator> => {
    const simulator = await ThermometerSimulator.open(devicePath);
    if (!simulator.ok) throw new Error(simulator.error);
    cleanup.push(() => simulator.value.close());
    return simulator.value;
  };
  const startDriver = async (): Promise<ThermometerDriver> => {
    const transport = new SerialTransport({
      path: kioskPath, baudRate: 9600, retry: { firstMs: 20, maxMs: 100 }, livenessMs: 50,
    });
    const driver = new ThermometerDriver(transport, silentLogger);
    cleanup.push(() => driver.stop());
    await driver.start();
    return driver;
  };
  const nextMeasurement = (driver: ThermometerDriver) =>
    nextEvent<[MeasurementOf<'thermometer'>]>(driver, 'measurement').then(([m]) => m);
  const nextStatus = (driver: ThermometerDriver, state: DeviceStatus['state']) =>
    nextEvent<[DeviceStatus]>(driver, 'status', (s) => s.state === state).then(([s]) => s);

  beforeEach(async () => {
    folder = await tempFolder();
    kioskPath = folder.path('thermometer');
    devicePath = folder.path('thermometer.sim');
  });

  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
    await folder.remove();
  });

  it('reads exactly 37.6 °C sent by the simulator', async () => {
    await startPair();
    const driver = await startDriver();
    expect(driver.status).toEqual({ state: 'ready' });
    const simulator = await startSimulator();

    const measurement = nextMeasurement(driver);
    const sent = await simulator.sendReading(37.6, { site: 'finger', takenAt: new Date(2012, 11, 5, 11, 50, 27) });
    expect(sent).toEqual({ ok: true, value: undefined });
    expect(await measurement).toEqual({ kind: 'thermometer', celsius: 37.6, site: 'finger', takenAt: '2012-12-05T11:50:27' });
  });

  it('reads a Fahrenheit thermometer in Celsius', async () => {
    await startPair();
    const driver = await startDriver();
    const simulator = await startSimulator();
    const measurement = nextMeasurement(driver);
    await simulator.sendReading(38.5, { fahrenheit: true });
    expect(await measurement).toEqual({ kind: 'thermometer', celsius: 38.5, site: null, takenAt: null });
  });

  it('goes offline when the pty pair dies, reconnects when it comes back, and reads again', async () => {
    const firstPair = await startPair();
    const driver = await startDriver();
    const first = await startSimulator();
    const firstReading = nextMeasurement(driver);
    await first.sendReading(36.6);
    expect((await firstReading).celsius).toBe(36.6);

    const offline = nextStatus(driver, 'offline');
    await firstPair.stop();
    expect(await offline).toMatchObject({ state: 'offline', reason: expect.stringContaining(kioskPath) });
    await first.close();

    const ready = nextStatus(driver, 'ready');
    await startPair();
    await ready;
    const second = await startSimulator();
    const secondReading = nextMeasurement(driver);
    await second.sendReading(39.1);
    expect((await secondReading).celsius).toBe(39.1);
  });

  it('reports why it cannot open a missing port, and opens it once it appears', async () => {
    const driver = await startDriver();
    expect(driver.status).toEqual({ state: 'offline', reason: expect.stringMatching(/No such file.*thermometer/), absent: true });
    const ready = nextStatus(driver, 'ready');
    await startPair();
    await ready;
  });
});
