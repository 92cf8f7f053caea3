import { beforeEach, describe, expect, it } from 'vitest';
import type { Measurement } from '../../../common/measurements';
import { BloodPressureMonitorDriver } from '../../../devices/drivers/blood-pressure-monitor';
import { ScaleDriver } from '../../../devices/drivers/scale';
import type { DeviceLogger } from '../../../devices/logger';
import { ReadingGate } from '../../../devices/reading-gate';
import { BloodPressureSimulator } from '../../../devices/simulators/blood-pressure-simulator';
import { ScaleSimulator } from '../../../devices/simulators/scale-simulator';
import { recordingLogger } from '../../unit/devices/recording-logger';
import { refusals } from '../../support/refusals';
import { nextMeasurement, nextStatus, onPty } from './gatt-on-pty';

describe('blood-pressure monitor over a real pty', () => {
  const line = onPty('blood-pressure');
  let logger: ReturnType<typeof recordingLogger>;
  let gate: ReadingGate;
  const monitor = (log: DeviceLogger = logger) => line.driver((transport) => new BloodPressureMonitorDriver(transport, log, gate));
  beforeEach(() => {
    logger = recordingLogger();
    gate = new ReadingGate(logger);
  });

  it('reads exactly what the simulated monitor sent: pressures, pulse, its clock and the irregular pulse it noticed', async () => {
    await line.pair();
    const driver = await monitor();
    const simulator = await line.simulator(BloodPressureSimulator.open);
    const measurement = nextMeasurement(driver);
    expect(await simulator.sendReading({
      systolicMmHg: 142, diastolicMmHg: 91, meanArterialMmHg: 108, pulsePerMinute: 77,
      takenAt: new Date(2026, 2, 14, 10, 21, 5), status: { irregularPulse: true },
    })).toEqual({ ok: true, value: undefined });
    expect(await measurement).toEqual({
      kind: 'bloodPressureMonitor', systolicMmHg: 142, diastolicMmHg: 91, meanArterialMmHg: 108, pulsePerMinute: 77,
      sentIn: 'mmHg', flags: ['irregularPulse'], takenAt: '2026-03-14T10:21:05',
    });
  });

  it('reads a monitor that sends kPa, in mmHg', async () => {
    await line.pair();
    const driver = await monitor();
    const simulator = await line.simulator(BloodPressureSimulator.open);
    const measurement = nextMeasurement(driver);
    await simulator.sendReading({ systolicMmHg: 120, diastolicMmHg: 80, meanArterialMmHg: 93, sendIn: 'kPa' });
    // 16.00, 10.67 and 12.40 kPa on the wire, back in mmHg to 0.01.
    expect(await measurement).toMatchObject({ systolicMmHg: 120.01, diastolicMmHg: 80.03, meanArterialMmHg: 93.01, sentIn: 'kPa' });
  });

  it('skips line noise, an implausible reading and pressures out of order, and reads the next good one', async () => {
    await line.pair();
    const driver = await monitor();
    const simulator = await line.simulator(BloodPressureSimulator.open);
    const measurements: Measurement[] = [];
    driver.on('measurement', (m) => measurements.push(m));
    const good = nextMeasurement(driver);
    await simulator.sendBytes(Uint8Array.of(0x13, 0x37, 0xdb, 0x01, 0xc0));
    await simulator.sendReading({ systolicMmHg: 420, diastolicMmHg: 90, meanArterialMmHg: 200 });
    await simulator.sendReading({ systolicMmHg: 90, diastolicMmHg: 120, meanArterialMmHg: 100 });
    await simulator.sendReading({ systolicMmHg: 118, diastolicMmHg: 76, meanArterialMmHg: 90 });
    await good;
    // The line keeps its order: everything sent before the good reading has been handled by now.
    expect(measurements).toEqual([expect.objectContaining({ systolicMmHg: 118, diastolicMmHg: 76 })]);
    expect(gate.rejectedReadings()).toEqual(refusals({ systolicPressure: 1 }));
    expect(logger.at('warn').map((l) => l.msg)).toEqual(['bad frame skipped', 'implausible reading refused', 'bad frame skipped']);
    expect(JSON.stringify(logger.lines)).not.toMatch(/420|118|\b76\b/);
  });

  it('goes offline when unplugged mid-measurement, comes back by itself, and reads the next measurement', async () => {
    const first = await line.pair();
    const driver = await monitor();
    const before = await line.simulator(BloodPressureSimulator.open);
    expect(await driver.command('arm')).toEqual({ ok: true, value: undefined });
    // Half a frame on the wire, then the cable goes: the half must not glue onto what comes after.
    await before.sendBytes(Uint8Array.of(0xc0, 0x35, 0x2a, 0x00, 0x8a));
    const offline = nextStatus(driver, 'offline');
    await first.stop();
    expect((await offline)[0]).toMatchObject({ state: 'offline', reason: expect.stringContaining(line.kioskPath()) });
    expect(await driver.command('arm')).toEqual({ ok: false, error: expect.stringMatching(/^the blood pressure monitor is not ready: /) });
    await before.close();

    const ready = nextStatus(driver, 'ready');
    await line.pair();
    await ready;
    const after = await line.simulator(BloodPressureSimulator.open);
    const measurement = nextMeasurement(driver);
    await after.sendReading({ systolicMmHg: 125, diastolicMmHg: 79, meanArterialMmHg: 94, pulsePerMinute: 68 });
    expect(await measurement).toMatchObject({ systolicMmHg: 125, diastolicMmHg: 79, pulsePerMinute: 68 });
    expect(logger.at('warn').filter((l) => l.msg === 'bad frame skipped')).toEqual([]);
  });
});

describe('scale over a real pty', () => {
  const line = onPty('scale');
  const scale = () => line.driver((transport) => new ScaleDriver(transport, recordingLogger()));

  it('reads a scale that weighs in pounds, in kilograms, with the BMI and height it knows', async () => {
    await line.pair();
    const driver = await scale();
    const simulator = await line.simulator(ScaleSimulator.open);
    const measurement = nextMeasurement(driver);
    await simulator.sendReading({ kilograms: 68.04, sendIn: 'lb', bmiAndHeight: { bmi: 22.2, heightMetres: 1.7526 } });
    // 150.00 lb and 69.0 in on the wire.
    expect(await measurement).toEqual({ kind: 'scale', kilograms: 68.039, sentIn: 'lb', bmi: 22.2, heightMetres: 1.7526, takenAt: null });
  });

  it('reports why it cannot open a missing port, and opens it once it appears', async () => {
    const driver = await scale();
    expect(driver.status).toEqual({ state: 'offline', reason: expect.stringMatching(/No such file.*scale/), absent: true });
    const ready = nextStatus(driver, 'ready');
    await line.pair();
    await ready;
    const simulator = await line.simulator(ScaleSimulator.open);
    const measurement = nextMeasurement(driver);
    await simulator.sendReading({ kilograms: 54.3 });
    expect(await measurement).toMatchObject({ kilograms: 54.3 });
  });
});
