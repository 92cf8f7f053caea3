import { beforeEach, describe, expect, it } from 'vitest';
import type { MeasurementOf } from '../../../../common/measurements';
import { BLOOD_PRESSURE_MEASUREMENT_UUID, encodeBloodPressureMeasurement, type BloodPressureReading } from '../../../../devices/codecs/blood-pressure-measurement';
import { encodeGattFrame } from '../../../../devices/codecs/gatt-frame';
import { encodeSlip } from '../../../../devices/codecs/slip';
import { BloodPressureMonitorDriver } from '../../../../devices/drivers/blood-pressure-monitor';
import { ReadingGate } from '../../../../devices/reading-gate';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';
import { refusals } from '../../../support/refusals';
import { recordingLogger } from '../recording-logger';

const wire = (uuid: number, value: Uint8Array): Uint8Array => encodeSlip(encodeGattFrame({ uuid, value }));
const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => Number.parseInt(byte, 16));
const frame = (reading: BloodPressureReading): Uint8Array => wire(BLOOD_PRESSURE_MEASUREMENT_UUID, encodeBloodPressureMeasurement(reading));
const NORMAL: BloodPressureReading = { systolicMmHg: 128, diastolicMmHg: 82, meanArterialMmHg: 97, pulsePerMinute: 72 };

describe('BloodPressureMonitorDriver', () => {
  let transport: MemoryTransport;
  let logger: ReturnType<typeof recordingLogger>;
  let gate: ReadingGate;
  let driver: BloodPressureMonitorDriver;
  let measurements: Array<MeasurementOf<'bloodPressureMonitor'>>;
  let malformed: string[];

  beforeEach(async () => {
    transport = new MemoryTransport();
    logger = recordingLogger();
    gate = new ReadingGate(logger);
    driver = new BloodPressureMonitorDriver(transport, logger, gate);
    measurements = [];
    malformed = [];
    driver.on('measurement', (m) => measurements.push(m));
    driver.on('malformed', (reason) => malformed.push(reason));
    await driver.start();
  });

  it('reads the public vector: 138/88 mmHg, mean 120, pulse 60, and what the monitor noticed', () => {
    // Nordic's BloodPressureMeasurementDataCallbackTest: year 0 (clock not set), user 1, status 0x0027.
    transport.deviceSends(wire(BLOOD_PRESSURE_MEASUREMENT_UUID, hex('1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00')));
    expect(measurements).toEqual([{
      kind: 'bloodPressureMonitor', systolicMmHg: 138, diastolicMmHg: 88, meanArterialMmHg: 120, pulsePerMinute: 60,
      sentIn: 'mmHg', flags: ['irregularPulse', 'bodyMovement', 'cuffTooLoose', 'improperPosition'], takenAt: null,
    }]);
  });

  it('converts a monitor that sends kPa to mmHg, and says it sent kPa', () => {
    // 16.0 / 10.7 / 12.5 kPa, each an SFLOAT at 0.1 kPa, no optional field.
    transport.deviceSends(wire(BLOOD_PRESSURE_MEASUREMENT_UUID, hex('01 A0 F0 6B F0 7D F0')));
    expect(measurements).toEqual([{
      kind: 'bloodPressureMonitor', systolicMmHg: 120.01, diastolicMmHg: 80.26, meanArterialMmHg: 93.76, pulsePerMinute: null,
      sentIn: 'kPa', flags: [], takenAt: null,
    }]);
  });

  it('keeps the device clock, and leaves the pulse range out of what it noticed', () => {
    transport.deviceSends(frame({
      ...NORMAL, takenAt: { year: 2026, month: 3, day: 14, hours: 10, minutes: 21, seconds: 5 },
      status: { pulseRange: 'above' },
    }));
    expect(measurements).toEqual([{ kind: 'bloodPressureMonitor', systolicMmHg: 128, diastolicMmHg: 82, meanArterialMmHg: 97, pulsePerMinute: 72, sentIn: 'mmHg', flags: [], takenAt: '2026-03-14T10:21:05' }]);
  });

  it('assembles a frame that arrives one byte at a time', () => {
    for (const byte of frame({ ...NORMAL, status: { irregularPulse: true } })) transport.deviceSends(Uint8Array.of(byte));
    expect(measurements.map((m) => [m.systolicMmHg, m.diastolicMmHg, m.flags])).toEqual([[128, 82, ['irregularPulse']]]);
  });

  it('warns about a bad frame and still decodes the next one', () => {
    transport.deviceSends(wire(BLOOD_PRESSURE_MEASUREMENT_UUID, hex('00 80 00 52 00'))); // cut short
    transport.deviceSends(wire(BLOOD_PRESSURE_MEASUREMENT_UUID, hex('40 80 00 52 00 61 00'))); // unknown flag
    transport.deviceSends(wire(BLOOD_PRESSURE_MEASUREMENT_UUID, hex('00 FF 07 52 00 61 00'))); // NaN systolic
    transport.deviceSends(frame(NORMAL));
    expect(logger.at('warn').map((line) => [line.msg, (line.obj as { reason: string }).reason])).toEqual([
      ['bad frame skipped', expect.stringMatching(/5 bytes, its flags announce 7/)],
      ['bad frame skipped', expect.stringMatching(/unknown flags 0x40/)],
      ['bad frame skipped', expect.stringMatching(/NaN as systolic/)],
    ]);
    expect(malformed).toHaveLength(3);
    expect(measurements.map((m) => m.systolicMmHg)).toEqual([128]);
  });

  it('refuses pressures out of order as a bad frame: no monitor measures a diastolic above its systolic', () => {
    transport.deviceSends(frame({ systolicMmHg: 82, diastolicMmHg: 128, meanArterialMmHg: 97 }));
    transport.deviceSends(frame({ systolicMmHg: 128, diastolicMmHg: 82, meanArterialMmHg: 140 }));
    expect(measurements).toEqual([]);
    expect(malformed).toEqual([
      'blood pressure measurement: the pressures are out of order (diastolic ≤ mean ≤ systolic)',
      'blood pressure measurement: the pressures are out of order (diastolic ≤ mean ≤ systolic)',
    ]);
    expect(gate.rejectedReadings()).toEqual(refusals());
  });

  it('ignores other characteristics (intermediate cuff pressure, temperature) without a warning', () => {
    transport.deviceSends(wire(0x2a36, hex('00 8A 00 FF 07 FF 07')));
    transport.deviceSends(wire(0x2a1c, hex('00 B0 0E 00 FE')));
    expect(measurements).toEqual([]);
    expect(logger.at('warn')).toEqual([]);
    expect(logger.at('debug').map((line) => line.obj)).toEqual([
      { device: 'bloodPressureMonitor', uuid: '0x2A36' }, { device: 'bloodPressureMonitor', uuid: '0x2A1C' },
    ]);
  });

  it('arms only when the line is up, and says why not in a sentence', async () => {
    expect(await driver.command('arm')).toEqual({ ok: true, value: undefined });
    transport.deviceDisconnects('unplugged');
    expect(await driver.command('arm')).toEqual({ ok: false, error: 'the blood pressure monitor is not ready: unplugged' });
  });

  describe('plausible ranges (systolic 50–300, diastolic 20–200, mean 30–250 mmHg, pulse 25–250 /min)', () => {
    const SYSTOLIC = { kind: 'systolicPressure', reason: 'outside 50–300 mmHg' };
    const DIASTOLIC = { kind: 'diastolicPressure', reason: 'outside 20–200 mmHg' };
    const MEAN = { kind: 'meanArterialPressure', reason: 'outside 30–250 mmHg' };
    const PULSE = { kind: 'pulseRate', reason: 'outside 25–250 /min' };
    it.each([
      ['systolic 400', { ...NORMAL, systolicMmHg: 400, meanArterialMmHg: 188 }, { systolicPressure: 1 }, [SYSTOLIC]],
      ['diastolic 10', { ...NORMAL, diastolicMmHg: 10, meanArterialMmHg: 49 }, { diastolicPressure: 1 }, [DIASTOLIC]],
      ['pulse 300', { ...NORMAL, pulsePerMinute: 300 }, { pulseRate: 1 }, [PULSE]],
      ['all of them', { systolicMmHg: 900, diastolicMmHg: 5, meanArterialMmHg: 3, pulsePerMinute: 9 },
        { systolicPressure: 1, diastolicPressure: 1, meanArterialPressure: 1, pulseRate: 1 }, [SYSTOLIC, DIASTOLIC, MEAN, PULSE]],
    ])('refuses %s, counts each quantity, and warns with the range it missed, never the value', (_label, reading, counts, refused) => {
      transport.deviceSends(frame(reading));
      expect(measurements).toEqual([]);
      expect(gate.rejectedReadings()).toEqual(refusals(counts));
      // These lines are all the log holds: a device, a quantity's name and its range.
      expect(logger.lines).toEqual(refused.map((obj) => ({ level: 'warn', obj: { device: 'bloodPressureMonitor', ...obj }, msg: 'implausible reading refused' })));
    });

    it.each([
      [{ systolicMmHg: 50, diastolicMmHg: 20, meanArterialMmHg: 30, pulsePerMinute: 25 }],
      [{ systolicMmHg: 300, diastolicMmHg: 200, meanArterialMmHg: 250, pulsePerMinute: 250 }],
    ])('accepts the bounds %j and counts nothing', (reading) => {
      transport.deviceSends(frame(reading));
      expect(measurements).toHaveLength(1);
      expect(gate.rejectedReadings()).toEqual(refusals());
    });
  });

  it('never logs the bytes or the values of a frame', () => {
    transport.deviceSends(frame({ ...NORMAL, exponent: 0 }).subarray(0, 6));
    transport.deviceSends(frame({ systolicMmHg: 137, diastolicMmHg: 91, meanArterialMmHg: 106, pulsePerMinute: 66 }));
    transport.deviceSends(frame({ systolicMmHg: 91, diastolicMmHg: 137, meanArterialMmHg: 106 }));
    expect(measurements).toHaveLength(1);
    expect(JSON.stringify(logger.lines)).not.toMatch(/137|91|106|66|89 00|0x89/i);
  });
});
