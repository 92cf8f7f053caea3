import { beforeEach, describe, expect, it } from 'vitest';
import type { MeasurementOf } from '../../../../common/measurements';
import { encodeGattFrame } from '../../../../devices/codecs/gatt-frame';
import { encodePlxSpotCheck, PLX_SPOT_CHECK_UUID, type PlxSpotCheckReading } from '../../../../devices/codecs/plx-spot-check';
import { encodeSlip } from '../../../../devices/codecs/slip';
import { PlxPulseOximeterDriver } from '../../../../devices/drivers/plx-pulse-oximeter';
import { ReadingGate } from '../../../../devices/reading-gate';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';
import { refusals } from '../../../support/refusals';
import { recordingLogger } from '../recording-logger';

const wire = (value: Uint8Array, uuid = PLX_SPOT_CHECK_UUID): Uint8Array => encodeSlip(encodeGattFrame({ uuid, value }));
const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => Number.parseInt(byte, 16));
const record = (reading: PlxSpotCheckReading): Uint8Array => wire(encodePlxSpotCheck(reading));
const oximetry = (spo2Percent: number, pulsePerMinute: number, flags: MeasurementOf<'pulseOximeter'>['flags'] = []): MeasurementOf<'pulseOximeter'> =>
  ({ kind: 'pulseOximeter', spo2Percent, pulsePerMinute, flags });

describe('PlxPulseOximeterDriver', () => {
  let transport: MemoryTransport;
  let logger: ReturnType<typeof recordingLogger>;
  let gate: ReadingGate;
  let measurements: Array<MeasurementOf<'pulseOximeter'>>;
  let malformed: string[];

  beforeEach(async () => {
    transport = new MemoryTransport();
    logger = recordingLogger();
    gate = new ReadingGate(logger);
    const driver = new PlxPulseOximeterDriver(transport, logger, gate);
    measurements = [];
    malformed = [];
    driver.on('measurement', (m) => measurements.push(m));
    driver.on('malformed', (reason) => malformed.push(reason));
    await driver.start();
  });

  // protocols.md's layout (flags · SFLOAT SpO2 · SFLOAT pulse · [date] · [u16 status] · [u24 device status] · [SFLOAT index]), by hand.
  it('reads a bare record and a full one, the device\'s low-perfusion status told as its observation', () => {
    transport.deviceSends(wire(hex('00 61 00 48 00')));
    transport.deviceSends(wire(hex('0F 61 00 48 00 EA 07 0B 19 0A 1E 00 80 00 20 00 00 19 F0')));
    expect(measurements).toEqual([oximetry(97, 72), oximetry(97, 72, ['lowPerfusion'])]);
    expect(malformed).toEqual([]);
  });

  it('rounds a value sent with a decimal (SFLOAT 975·10⁻¹) to the whole number every oximeter shows', () => {
    transport.deviceSends(wire(hex('00 CF F3 48 00'))); // 0xF3CF = 975·10^-1 = 97.5
    expect(measurements).toEqual([oximetry(98, 72)]);
  });

  it('passes over records that are not final (ongoing, early estimate, from its memory) without counting them', () => {
    transport.deviceSends(record({ spo2Percent: 91, pulsePerMinute: 80, measurementStatus: ['measurementOngoing'] }));
    transport.deviceSends(record({ spo2Percent: 92, pulsePerMinute: 80, measurementStatus: ['earlyEstimatedData'] }));
    transport.deviceSends(record({ spo2Percent: 93, pulsePerMinute: 80, measurementStatus: ['dataFromMeasurementStorage'] }));
    transport.deviceSends(record({ spo2Percent: 97, pulsePerMinute: 70, measurementStatus: ['validatedData'] }));
    expect(measurements).toEqual([oximetry(97, 70)]);
    expect(malformed).toEqual([]);
  });

  it('refuses, with the device\'s reason, a record it marks as no reading, and logs no value', () => {
    transport.deviceSends(record({ spo2Percent: 97, pulsePerMinute: 70, measurementStatus: ['invalidMeasurementDetected'] }));
    transport.deviceSends(record({ spo2Percent: 97, pulsePerMinute: 70, deviceStatus: ['sensorDisconnected'] }));
    expect(measurements).toEqual([]);
    expect(malformed).toEqual([
      'PLX spot-check measurement: the oximeter says invalidMeasurementDetected',
      'PLX spot-check measurement: the oximeter says sensorDisconnected',
    ]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/\b97\b|\b70\b/);
  });

  it('refuses an implausible value through the gate, and a NaN SpO2 as a bad frame', () => {
    transport.deviceSends(record({ spo2Percent: 30, pulsePerMinute: 70 }));
    transport.deviceSends(wire(hex('00 FF 07 48 00'))); // SpO2 NaN: the device could not measure
    expect(measurements).toEqual([]);
    expect(gate.rejectedReadings()).toEqual(refusals({ spo2: 1 }));
    expect(malformed).toHaveLength(1);
  });

  it('keeps several observations, each once (poor and inadequate signal are both a weak signal)', () => {
    transport.deviceSends(record({
      spo2Percent: 95, pulsePerMinute: 66, measurementStatus: ['questionableMeasurementDetected'],
      deviceStatus: ['poorSignalDetected', 'inadequateSignalDetected', 'sensorDisplaced'],
    }));
    expect(measurements).toEqual([oximetry(95, 66, ['questionableMeasurement', 'weakSignal', 'sensorDisplaced'])]);
  });

  it('ignores other characteristics on the same bridge', () => {
    transport.deviceSends(wire(hex('00 B0 36'), 0x2a9d));
    expect(measurements).toEqual([]);
    expect(malformed).toEqual([]);
  });
});
