import { beforeEach, describe, expect, it } from 'vitest';
import type { MeasurementOf } from '../../../../common/measurements';
import { encodeGattFrame } from '../../../../devices/codecs/gatt-frame';
import { encodeSlip } from '../../../../devices/codecs/slip';
import { encodeWeightMeasurement, WEIGHT_MEASUREMENT_UUID, type WeightReading } from '../../../../devices/codecs/weight-measurement';
import { ScaleDriver } from '../../../../devices/drivers/scale';
import { ReadingGate } from '../../../../devices/reading-gate';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';
import { refusals } from '../../../support/refusals';
import { recordingLogger } from '../recording-logger';

const wire = (value: Uint8Array, uuid = WEIGHT_MEASUREMENT_UUID): Uint8Array => encodeSlip(encodeGattFrame({ uuid, value }));
const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => Number.parseInt(byte, 16));
const frame = (reading: WeightReading): Uint8Array => wire(encodeWeightMeasurement(reading));
const weighed = (kilograms: number, more: Partial<MeasurementOf<'scale'>> = {}): MeasurementOf<'scale'> =>
  ({ kind: 'scale', kilograms, sentIn: 'kg', bmi: null, heightMetres: null, takenAt: null, ...more });

describe('ScaleDriver', () => {
  let transport: MemoryTransport;
  let logger: ReturnType<typeof recordingLogger>;
  let gate: ReadingGate;
  let measurements: Array<MeasurementOf<'scale'>>;
  let malformed: string[];

  beforeEach(async () => {
    transport = new MemoryTransport();
    logger = recordingLogger();
    gate = new ReadingGate(logger);
    const driver = new ScaleDriver(transport, logger, gate);
    measurements = [];
    malformed = [];
    driver.on('measurement', (m) => measurements.push(m));
    driver.on('malformed', (reason) => malformed.push(reason));
    await driver.start();
  });

  it('reads the public vectors: 70.00 kg, and 157.00 lb in kilograms', () => {
    transport.deviceSends(wire(hex('00 B0 36')));
    transport.deviceSends(wire(hex('01 54 3D')));
    expect(measurements).toEqual([weighed(70), weighed(71.214, { sentIn: 'lb' })]);
  });

  it('keeps the BMI and the height the scale knows, and its clock', () => {
    transport.deviceSends(frame({
      kilograms: 72.4, bmiAndHeight: { bmi: 23.6, heightMetres: 1.752 },
      takenAt: { year: 2026, month: 3, day: 14, hours: 10, minutes: 21, seconds: 5 },
    }));
    expect(measurements).toEqual([weighed(72.4, { bmi: 23.6, heightMetres: 1.752, takenAt: '2026-03-14T10:21:05' })]);
  });

  it('takes a BMI and height of 0 as "the scale knows no height", and counts nothing', () => {
    transport.deviceSends(frame({ kilograms: 72.4, bmiAndHeight: { bmi: 0, heightMetres: 0 } }));
    expect(measurements).toEqual([weighed(72.4)]);
    expect(gate.rejectedReadings()).toEqual(refusals());
    expect(logger.lines).toEqual([]);
  });

  it('shows the weight without a height typed wrong into the scale, and counts what it refused', () => {
    transport.deviceSends(frame({ kilograms: 72.4, bmiAndHeight: { bmi: 5.4, heightMetres: 3.66 } }));
    expect(measurements).toEqual([weighed(72.4)]);
    expect(gate.rejectedReadings()).toEqual(refusals({ bodyMassIndex: 1, height: 1 }));
    expect(logger.lines).toEqual([
      { level: 'warn', obj: { device: 'scale', kind: 'bodyMassIndex', reason: 'outside 8–100 kg/m²' }, msg: 'implausible reading refused' },
      { level: 'warn', obj: { device: 'scale', kind: 'height', reason: 'outside 0.5–2.5 m' }, msg: 'implausible reading refused' },
    ]);
  });

  it.each([[9.995], [300.5]])('refuses a weight of %s kg, counts it, and warns without the value', (kilograms) => {
    transport.deviceSends(frame({ kilograms }));
    expect(measurements).toEqual([]);
    expect(gate.rejectedReadings()).toEqual(refusals({ bodyWeight: 1 }));
    expect(logger.lines).toEqual([
      { level: 'warn', obj: { device: 'scale', kind: 'bodyWeight', reason: 'outside 10–300 kg' }, msg: 'implausible reading refused' },
    ]);
  });

  it.each([[10], [300]])('accepts %s kg, the bounds', (kilograms) => {
    transport.deviceSends(frame({ kilograms }));
    expect(measurements).toEqual([weighed(kilograms)]);
  });

  it('warns about "measurement unsuccessful" and a cut frame, and reads the next one', () => {
    transport.deviceSends(frame({ kilograms: null }));
    transport.deviceSends(wire(hex('08 B0 36 00')));
    transport.deviceSends(frame({ kilograms: 64.2 }));
    expect(malformed).toEqual([
      'weight measurement: the scale reports the measurement unsuccessful',
      'weight measurement: 4 bytes, its flags announce 7',
    ]);
    expect(logger.at('warn').map((line) => line.obj)).toEqual(malformed.map((reason) => ({ device: 'scale', reason })));
    expect(measurements).toEqual([weighed(64.2)]);
  });

  it('ignores other characteristics (body composition) without a warning', () => {
    transport.deviceSends(wire(hex('00 00 B0 36'), 0x2a9c));
    expect(measurements).toEqual([]);
    expect(logger.lines).toEqual([{ level: 'debug', obj: { device: 'scale', uuid: '0x2A9C' }, msg: 'characteristic ignored' }]);
  });

  it('never logs the bytes or the values of a frame', () => {
    transport.deviceSends(frame({ kilograms: 83.5, bmiAndHeight: { bmi: 27.3, heightMetres: 1.749 } }).subarray(0, 5));
    transport.deviceSends(frame({ kilograms: 83.5, bmiAndHeight: { bmi: 27.3, heightMetres: 1.749 } }));
    expect(measurements).toHaveLength(1);
    expect(JSON.stringify(logger.lines)).not.toMatch(/83[.,]5|27[.,]3|1[.,]749|16700|0x413c|3c 41/i);
  });
});
