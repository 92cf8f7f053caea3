import { beforeEach, describe, expect, it } from 'vitest';
import type { Measurement } from '../../../common/measurements';
import { PlxPulseOximeterDriver } from '../../../devices/drivers/plx-pulse-oximeter';
import { ReadingGate } from '../../../devices/reading-gate';
import { PlxOximeterSimulator } from '../../../devices/simulators/plx-oximeter-simulator';
import { recordingLogger } from '../../unit/devices/recording-logger';
import { refusals } from '../../support/refusals';
import { nextMeasurement, nextStatus, onPty } from './gatt-on-pty';

describe('PLX spot-check pulse oximeter over a real pty', () => {
  const line = onPty('plx-oximeter');
  let logger: ReturnType<typeof recordingLogger>;
  let gate: ReadingGate;
  const oximeter = () => line.driver((transport) => new PlxPulseOximeterDriver(transport, logger, gate));
  beforeEach(() => {
    logger = recordingLogger();
    gate = new ReadingGate(logger);
  });

  it('reads exactly what the simulated oximeter sent, with the low perfusion it noticed', async () => {
    await line.pair();
    const driver = await oximeter();
    const simulator = await line.simulator(PlxOximeterSimulator.open);
    const measurement = nextMeasurement(driver);
    expect(await simulator.sendRecord({
      spo2Percent: 96, pulsePerMinute: 71, takenAt: new Date(2026, 11, 7, 9, 30, 0),
      measurementStatus: ['validatedData'], deviceStatus: ['lowPerfusionDetected'], pulseAmplitudeIndex: 1.2,
    })).toEqual({ ok: true, value: undefined });
    expect(await measurement).toEqual({ kind: 'pulseOximeter', spo2Percent: 96, pulsePerMinute: 71, flags: ['lowPerfusion'] });
  });

  it('skips line noise, a record still measuring and an implausible one, then reads the good one; no value in the logs', async () => {
    await line.pair();
    const driver = await oximeter();
    const simulator = await line.simulator(PlxOximeterSimulator.open);
    const measurements: Measurement[] = [];
    driver.on('measurement', (m) => measurements.push(m));
    const good = nextMeasurement(driver);
    await simulator.sendBytes(Uint8Array.of(0x13, 0x37, 0xc0, 0x5e, 0x2a, 0xff, 0xc0));
    await simulator.sendRecord({ spo2Percent: 88, pulsePerMinute: 64, measurementStatus: ['measurementOngoing'] });
    await simulator.sendRecord({ spo2Percent: 99, pulsePerMinute: 251 });
    await simulator.sendRecord({ spo2Percent: 95, pulsePerMinute: 64, measurementStatus: ['validatedData'] });
    expect(await good).toEqual({ kind: 'pulseOximeter', spo2Percent: 95, pulsePerMinute: 64, flags: [] });
    // The line keeps its order: everything sent before the good record has been handled by now.
    expect(measurements).toHaveLength(1);
    expect(gate.rejectedReadings()).toEqual(refusals({ pulseRate: 1 }));
    expect(JSON.stringify(logger.lines)).not.toMatch(/\b(88|95|99|251|64)\b/);
  });

  it('goes offline when unplugged mid-measurement, comes back by itself, and reads the next record', async () => {
    const first = await line.pair();
    const driver = await oximeter();
    const before = await line.simulator(PlxOximeterSimulator.open);
    expect(await driver.command('arm')).toEqual({ ok: true, value: undefined });
    // Half a frame on the wire, then the cable goes: the half must not glue onto what comes after.
    await before.sendBytes(Uint8Array.of(0xc0, 0x5e, 0x2a, 0x00, 0x61));
    const offline = nextStatus(driver, 'offline');
    await first.stop();
    expect((await offline)[0]).toMatchObject({ state: 'offline', reason: expect.stringContaining(line.kioskPath()) });
    expect(await driver.command('arm')).toEqual({ ok: false, error: expect.stringMatching(/^the pulse oximeter is not ready: /) });
    await before.close();

    const ready = nextStatus(driver, 'ready');
    await line.pair();
    await ready;
    const after = await line.simulator(PlxOximeterSimulator.open);
    const measurement = nextMeasurement(driver);
    await after.sendRecord({ spo2Percent: 97, pulsePerMinute: 69 });
    expect(await measurement).toEqual({ kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 69, flags: [] });
    expect(logger.at('warn').filter((l) => l.msg === 'bad frame skipped')).toEqual([]);
  });
});
