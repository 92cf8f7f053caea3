import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/devices';
import type { MeasurementOf } from '../../../common/measurements';
import { CMS50D_FRAME_BYTES, Cms50dDecoder, type Cms50dFrame, type Cms50dFrameInput } from '../../../devices/codecs/cms50d';
import { PulseOximeterDriver } from '../../../devices/drivers/pulse-oximeter';
import { STEADY_FRAMES } from '../../../devices/drivers/steady-oximetry';
import { ReadingGate } from '../../../devices/reading-gate';
import { OximeterSimulator } from '../../../devices/simulators/oximeter-simulator';
import { openPtyPair, type PtyPair } from '../../../devices/simulators/pty-pair';
import { SerialTransport } from '../../../devices/transports/serial-transport';
import { captureLog } from '../../support/capture-log';
import { nextEvent, tempFolder } from './support';
import { refusals } from '../../support/refusals';

type Oximetry = MeasurementOf<'pulseOximeter'>;
const repeat = (count: number, frame: Cms50dFrameInput): Cms50dFrameInput[] => Array.from({ length: count }, () => frame);

// Real socat ptys, real serialport at 19200 8O1, real CMS50D+ frames: the path a reading takes on a demo kiosk.
describe('pulse oximeter over a real pty', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let kioskPath: string;
  let devicePath: string;
  let log: ReturnType<typeof captureLog>;
  const cleanup: Array<() => Promise<void>> = [];

  const startPair = async (): Promise<PtyPair> => {
    const pair = await openPtyPair({ kioskPath, devicePath });
    if (!pair.ok) throw new Error(pair.error);
    cleanup.push(() => pair.value.stop());
    return pair.value;
  };
  const startSimulator = async (): Promise<OximeterSimulator> => {
    const simulator = await OximeterSimulator.open(devicePath);
    if (!simulator.ok) throw new Error(simulator.error);
    cleanup.push(() => simulator.value.close());
    return simulator.value;
  };
  const startDriver = async (gate = new ReadingGate(log.log)) => {
    const transport = new SerialTransport({
      path: kioskPath, baudRate: 19200, parity: 'odd', retry: { firstMs: 20, maxMs: 100 }, livenessMs: 50,
    });
    const driver = new PulseOximeterDriver(transport, log.log, gate);
    const measurements: Oximetry[] = [];
    driver.on('measurement', (m) => measurements.push(m));
    cleanup.push(() => driver.stop());
    await driver.start();
    return { driver, transport, measurements };
  };
  /** Resolves once `count` more frames' worth of bytes reached the kiosk side: the driver has read them by then. */
  const framesArrive = (transport: SerialTransport, count: number) => new Promise<void>((resolve) => {
    let bytes = 0;
    const listener = (chunk: Uint8Array): void => {
      bytes += chunk.length;
      if (bytes < count * CMS50D_FRAME_BYTES) return;
      transport.off('data', listener);
      resolve();
    };
    transport.on('data', listener);
  });
  const nextMeasurement = (driver: PulseOximeterDriver, accept: (m: Oximetry) => boolean = () => true) =>
    nextEvent<[Oximetry]>(driver, 'measurement', accept).then(([m]) => m);
  const nextStatus = (driver: PulseOximeterDriver, state: DeviceStatus['state']) =>
    nextEvent<[DeviceStatus]>(driver, 'status', (s) => s.state === state).then(([s]) => s);
  const warnings = () => log.lines.filter((line) => line.level === 40).map(({ msg, reason }) => ({ msg, reason }));

  beforeEach(async () => {
    folder = await tempFolder();
    kioskPath = folder.path('oximeter');
    devicePath = folder.path('oximeter.sim');
    log = captureLog();
  });

  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
    await folder.remove();
  });

  it('reads a steady 97 % / 74 bpm stream as exactly one measurement', async () => {
    await startPair();
    const { driver, transport, measurements } = await startDriver();
    const simulator = await startSimulator();

    const first = nextMeasurement(driver);
    simulator.startLive({ spo2: 97, pulse: 74 });
    expect(await first).toEqual({ kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 74 });
    // Two more seconds of the same reading at 60 frames a second: still one measurement.
    await framesArrive(transport, 2 * STEADY_FRAMES);
    expect(measurements).toEqual([{ kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 74 }]);
    expect(warnings()).toEqual([]);
  });

  it('streams real frames at about 60 a second: searching as the finger goes in, then the values, pulsing', async () => {
    await startPair();
    const { transport } = await startDriver();
    const simulator = await startSimulator();
    const decoder = new Cms50dDecoder();
    const frames: Array<Cms50dFrame | string> = []; // a bad frame is its reason, and fails the checks below
    transport.on('data', (chunk) => frames.push(...decoder.push(chunk).map((r) => (r.ok ? r.value : r.error))));

    const started = Date.now();
    simulator.startLive({ spo2: 98, pulse: 60, searchingFrames: 10 });
    await framesArrive(transport, 70);
    const elapsedMs = Date.now() - started;
    expect(elapsedMs).toBeGreaterThan(900); // 70 frames at 17 ms: no faster than the device
    expect(frames.slice(0, 10)).toEqual(repeat(10, expect.objectContaining({ searching: true, pulsePerMinute: null, spo2Percent: null })));
    const reading = frames.slice(10, 70) as Cms50dFrame[];
    expect(reading).toEqual(repeat(60, expect.objectContaining({ fingerOut: false, searching: false, pulsePerMinute: 60, spo2Percent: 98 })));
    // 60 bpm at one frame every 17 ms: a beat (a beep and a peak of the wave) about every 59 frames.
    expect(reading.filter((frame) => frame.beep).length).toBeGreaterThanOrEqual(1);
    expect(new Set(reading.map((frame) => frame.pleth)).size).toBeGreaterThan(10);
  });

  it('reads nothing while the finger is out, and the reading once it goes in', async () => {
    await startPair();
    const { driver, transport, measurements } = await startDriver();
    const simulator = await startSimulator();

    simulator.fingerOut();
    await framesArrive(transport, 2 * STEADY_FRAMES);
    expect(measurements).toEqual([]);

    const reading = nextMeasurement(driver);
    simulator.startLive({ spo2: 95, pulse: 131 });
    expect(await reading).toEqual({ kind: 'pulseOximeter', spo2Percent: 95, pulsePerMinute: 131 });
    expect(warnings()).toEqual([]);
  });

  it('skips garbage, refuses and counts implausible values, and passes the next good reading', async () => {
    await startPair();
    const gate = new ReadingGate(log.log);
    const { driver, measurements } = await startDriver(gate);
    const simulator = await startSimulator();

    const good = nextMeasurement(driver, (m) => m.spo2Percent === 96);
    const sent = [
      await simulator.sendFrames(...repeat(10, { pulsePerMinute: 74, spo2Percent: 97 })),
      await simulator.sendBytes(Uint8Array.of(0x01, 0x02, 0x03)), // line noise between frames
      await simulator.sendBytes(Uint8Array.of(0x85, 0x32, 0x08)), // a frame cut short by the next one
      await simulator.sendFrames(...repeat(STEADY_FRAMES, { pulsePerMinute: 74, spo2Percent: 20 })),
      await simulator.sendFrames(...repeat(STEADY_FRAMES, { pulsePerMinute: 15, spo2Percent: 97 })),
      await simulator.sendFrames(...repeat(STEADY_FRAMES, { pulsePerMinute: 70, spo2Percent: 96 })),
    ];
    expect(sent.every((result) => result.ok)).toBe(true);
    await good;

    // The line keeps its order: everything sent before the good reading has been handled by now.
    expect(measurements).toEqual([{ kind: 'pulseOximeter', spo2Percent: 96, pulsePerMinute: 70 }]);
    expect(gate.rejectedReadings()).toEqual(refusals({ spo2: 1, pulseRate: 1 }));
    expect(warnings()).toEqual([
      { msg: 'bad frame skipped', reason: expect.stringContaining('outside a frame') },
      { msg: 'bad frame skipped', reason: expect.stringContaining('cut short') },
      { msg: 'implausible reading refused', reason: 'outside 50–100 %' },
      { msg: 'implausible reading refused', reason: 'outside 25–250 /min' },
    ]);
    // Logs rest on disk: none of the values, not even the good ones, may be in them (time, pid and host aside).
    const logged = JSON.stringify(log.lines.map(({ time: _t, pid: _p, hostname: _h, ...rest }) => rest));
    expect(logged).not.toMatch(/97|74|20|15|96|70/);
  });

  it('goes offline when the pty pair dies, refuses to arm, and reads again once it comes back', async () => {
    const firstPair = await startPair();
    const { driver } = await startDriver();
    const first = await startSimulator();
    const firstReading = nextMeasurement(driver);
    first.startLive({ spo2: 97, pulse: 74 });
    expect(await firstReading).toMatchObject({ spo2Percent: 97, pulsePerMinute: 74 });

    const offline = nextStatus(driver, 'offline');
    await firstPair.stop();
    expect(await offline).toMatchObject({ state: 'offline', reason: expect.stringContaining(kioskPath) });
    expect(await driver.command('arm')).toEqual({
      ok: false, error: expect.stringMatching(new RegExp(`^the pulse oximeter is not ready: lost ${kioskPath}`)),
    });
    await first.close();

    const ready = nextStatus(driver, 'ready');
    await startPair();
    await ready;
    // Armed, the driver forgets the last reading: the same values from the next visitor are a fresh measurement.
    expect(await driver.command('arm')).toEqual({ ok: true, value: undefined });
    const second = await startSimulator();
    const secondReading = nextMeasurement(driver);
    second.startLive({ spo2: 97, pulse: 74 });
    expect(await secondReading).toEqual({ kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 74 });
  });
});
