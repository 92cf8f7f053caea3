import { beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../common/devices';
import type { MeasurementOf } from '../../../../common/measurements';
import { encodeGattFrame } from '../../../../devices/codecs/gatt-frame';
import { encodeSlip } from '../../../../devices/codecs/slip';
import {
  encodeTemperatureMeasurement, TEMPERATURE_MEASUREMENT_UUID,
} from '../../../../devices/codecs/temperature-measurement';
import { ThermometerDriver } from '../../../../devices/drivers/thermometer';
import { ReadingGate } from '../../../../devices/reading-gate';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';
import { HUGE, IMPLAUSIBLE_FRAGMENTS } from '../../../support/implausible-readings';
import { recordingLogger } from '../recording-logger';
import { refusals } from '../../../support/refusals';

const wire = (uuid: number, value: Uint8Array): Uint8Array => encodeSlip(encodeGattFrame({ uuid, value }));
const reading = (celsius: number, exponent?: number): Uint8Array =>
  wire(TEMPERATURE_MEASUREMENT_UUID, encodeTemperatureMeasurement({ celsius, site: 'ear', exponent }));

describe('ThermometerDriver', () => {
  let transport: MemoryTransport;
  let logger: ReturnType<typeof recordingLogger>;
  let gate: ReadingGate;
  let driver: ThermometerDriver;
  let measurements: Array<MeasurementOf<'thermometer'>>;
  let statuses: DeviceStatus[];

  beforeEach(async () => {
    transport = new MemoryTransport();
    logger = recordingLogger();
    gate = new ReadingGate(logger);
    driver = new ThermometerDriver(transport, logger, gate);
    measurements = [];
    statuses = [];
    driver.on('measurement', (m) => measurements.push(m));
    driver.on('status', (s) => statuses.push(s));
    await driver.start();
  });

  it('emits the measurement carried by a good frame', () => {
    transport.deviceSends(reading(37.6));
    expect(measurements).toEqual([{ kind: 'thermometer', celsius: 37.6, site: 'ear', takenAt: null }]);
  });

  it('assembles a frame that arrives one byte at a time', () => {
    for (const byte of reading(36.9)) transport.deviceSends(Uint8Array.of(byte));
    expect(measurements.map((m) => m.celsius)).toEqual([36.9]);
  });

  it('warns about a bad frame and still decodes the next one', () => {
    transport.deviceSends(wire(TEMPERATURE_MEASUREMENT_UUID, Uint8Array.of(0x00, 0xb0, 0x0e))); // truncated value
    transport.deviceSends(Uint8Array.of(0x01, 0xdb, 0x41, 0xc0)); // SLIP protocol error
    transport.deviceSends(reading(38.1));
    expect(logger.at('warn').map((line) => line.obj)).toEqual([
      { device: 'thermometer', reason: expect.stringMatching(/truncated/) },
      { device: 'thermometer', reason: expect.stringMatching(/SLIP/) },
    ]);
    expect(measurements.map((m) => m.celsius)).toEqual([38.1]);
  });

  it('ignores other characteristics without a warning', () => {
    transport.deviceSends(wire(0x2a35, Uint8Array.of(0x00, 0x8a, 0x00, 0x58, 0x00, 0x78, 0x00)));
    expect(measurements).toEqual([]);
    expect(logger.at('warn')).toEqual([]);
    expect(logger.at('debug')).toMatchObject([{ obj: { uuid: '0x2A35' } }]);
  });

  it('never logs the bytes of a frame, which may hold a body temperature', () => {
    transport.deviceSends(wire(TEMPERATURE_MEASUREMENT_UUID, Uint8Array.of(0x04, 0xb0, 0x0e, 0x00, 0xfe, 0x63)));
    expect(JSON.stringify(logger.lines)).not.toMatch(/37\.6|3760|b0/i);
  });

  it('forwards the link status and drops half a frame when the link goes down', () => {
    const frame = reading(37.2);
    transport.deviceSends(frame.subarray(0, 4));
    transport.deviceDisconnects('unplugged');
    transport.deviceReconnects();
    transport.deviceSends(frame);
    expect(measurements.map((m) => m.celsius)).toEqual([37.2]);
    expect(logger.at('warn')).toEqual([]);
    expect(statuses).toEqual([
      { state: 'connecting' }, { state: 'ready' }, { state: 'offline', reason: 'unplugged' }, { state: 'ready' },
    ]);
  });

  it('reports offline once stopped, and stopping twice is harmless', async () => {
    await driver.stop();
    await driver.stop();
    expect(driver.status).toEqual({ state: 'offline', reason: 'closed' });
    expect(statuses.at(-1)).toEqual({ state: 'offline', reason: 'closed' });
    expect(transport.deviceSends(reading(37))).toBe(false);
  });

  describe('plausible range (30–45 °C)', () => {
    it.each([
      ['-300', -300, undefined], ['99.9', 99.9, undefined], ['8.39e133', HUGE.celsius, HUGE.exponent],
      ['29.9', 29.9, undefined], ['45.1', 45.1, undefined],
    ])('refuses and counts %s °C, warning without the value', (label, celsius, exponent) => {
      transport.deviceSends(reading(celsius, exponent));
      expect(measurements).toEqual([]);
      expect(gate.rejectedReadings()).toEqual(refusals({ bodyTemperature: 1 }));
      // The range check refused it, not the codec: a decoding failure would say 'bad frame skipped'.
      expect(logger.at('warn')).toEqual([{
        level: 'warn',
        obj: { device: 'thermometer', kind: 'bodyTemperature', reason: 'outside 30–45 °C' },
        msg: 'implausible reading refused',
      }]);
      const logged = JSON.stringify(logger.lines);
      expect(logged).not.toContain(label.replace('-', ''));
      for (const fragment of IMPLAUSIBLE_FRAGMENTS) expect(logged).not.toMatch(fragment);
    });

    it.each([30, 37.6, 45])('accepts %s °C and counts nothing', (celsius) => {
      transport.deviceSends(reading(celsius));
      expect(measurements.map((m) => m.celsius)).toEqual([celsius]);
      expect(gate.rejectedReadings()).toEqual(refusals());
      expect(logger.at('warn')).toEqual([]);
    });

    it('checks the value in Celsius, after converting from Fahrenheit', () => {
      const frame = (celsius: number) =>
        wire(TEMPERATURE_MEASUREMENT_UUID, encodeTemperatureMeasurement({ celsius, fahrenheit: true }));
      transport.deviceSends(frame(100)); // 212 °F: plausible as a number of °F, not as a body temperature
      transport.deviceSends(frame(38.5)); // 101.3 °F
      expect(measurements.map((m) => m.celsius)).toEqual([38.5]);
      expect(gate.rejectedReadings()).toEqual(refusals({ bodyTemperature: 1 }));
    });

    it('counts every refusal and goes on reading after them', () => {
      for (const celsius of [-300, 99.9, 29.9]) transport.deviceSends(reading(celsius));
      transport.deviceSends(reading(37.4));
      expect(measurements.map((m) => m.celsius)).toEqual([37.4]);
      expect(gate.rejectedReadings()).toEqual(refusals({ bodyTemperature: 3 }));
    });
  });
});
