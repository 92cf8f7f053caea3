import { describe, expect, it } from 'vitest';
import { decodeBloodPressureMeasurement } from '../../../../devices/codecs/blood-pressure-measurement';
import { decodeGattReport, encodeGattReport, GATT_REPORT_MAX_BYTES } from '../../../../devices/codecs/gatt-report';
import { decodeTemperatureMeasurement } from '../../../../devices/codecs/temperature-measurement';
import { decodeWeightMeasurement } from '../../../../devices/codecs/weight-measurement';

const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' ').map((pair) => parseInt(pair, 16)));
/** `bytes` zero padded to `size`, as a HID device sends a report shorter than its descriptor's. */
const padded = (bytes: Uint8Array, size = 32): Uint8Array => {
  const report = new Uint8Array(size);
  report.set(bytes);
  return report;
};
const refusal = (report: Uint8Array): string => {
  const result = decodeGattReport(report);
  if (result.ok) throw new Error('accepted');
  return result.error;
};

// The values are protocols.md's vectors (Android-BLE-Common-Library's tests); the header around them is Borne's format.
describe('GATT record report', () => {
  it('carries protocols.md\'s temperature vector: 37.60 °C at the finger, 2012-12-05 11:50:27', () => {
    const report = padded(hex('01 1C 2A 0D 06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04'));
    const record = decodeGattReport(report);
    expect(record).toEqual({ ok: true, value: { uuid: 0x2a1c, value: hex('06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04') } });
    expect(record.ok && decodeTemperatureMeasurement(record.value.value)).toEqual({
      ok: true, value: { celsius: 37.6, takenAt: '2012-12-05T11:50:27', site: 'finger' },
    });
  });

  it('carries protocols.md\'s blood-pressure vector: 138/88/120 mmHg, pulse 60, status 0x0027', () => {
    const value = hex('1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00');
    const record = decodeGattReport(padded(hex(`01 35 2A 13 ${[...value].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`)));
    expect(record).toEqual({ ok: true, value: { uuid: 0x2a35, value } });
    expect(record.ok && decodeBloodPressureMeasurement(record.value.value)).toMatchObject({
      ok: true, value: { systolicMmHg: 138, diastolicMmHg: 88, meanArterialMmHg: 120, pulsePerMinute: 60 },
    });
  });

  it('carries protocols.md\'s weight vectors in a report exactly as long as the record: 70.00 kg, 157.00 lb', () => {
    for (const [report, kilograms] of [['01 9D 2A 03 00 B0 36', 70], ['01 9D 2A 03 01 54 3D', 71.214]] as const) {
      const record = decodeGattReport(hex(report));
      expect(record.ok && decodeWeightMeasurement(record.value.value)).toMatchObject({ ok: true, value: { kilograms } });
    }
  });

  it('encodes a record as the device sends it, zero padded to the report size, and decodes it back', () => {
    const frame = { uuid: 0x2a5e, value: hex('00 61 00 48 00') };
    const report = encodeGattReport(frame, 16);
    expect(report).toEqual(hex('01 5E 2A 05 00 61 00 48 00 00 00 00 00 00 00 00'));
    expect(decodeGattReport(report)).toEqual({ ok: true, value: frame });
    expect(encodeGattReport(frame)).toHaveLength(GATT_REPORT_MAX_BYTES);
  });

  it('refuses, with a reason and never the bytes, every report that is not exactly one known record', () => {
    expect(refusal(new Uint8Array())).toBe('GATT report: empty');
    expect(refusal(padded(hex('02 1C 2A 01 06')))).toBe('GATT report: report id 2, expected 1');
    expect(refusal(hex('01 1C 2A'))).toBe('GATT report: 3 bytes, too short for its header');
    expect(refusal(padded(hex('01 19 2A 01 64')))).toBe('GATT report: unknown characteristic 0x2A19');
    expect(refusal(padded(hex('01 00 00 00')))).toBe('GATT report: unknown characteristic 0x0000');
    expect(refusal(padded(hex('01 1C 2A 00')))).toBe('GATT report: a record with no value');
    expect(refusal(hex('01 9D 2A 04 00 B0 36'))).toBe('GATT report: the value has 4 bytes, the report holds 3');
    // A length byte that lost a bit: the value's last bytes are left in the padding.
    expect(refusal(padded(hex('01 9D 2A 01 00 B0 36')))).toBe('GATT report: bytes after the value (a corrupt length)');
    expect(refusal(padded(hex('01 9D 2A 03 00 B0 36'), 65))).toBe('GATT report: 65 bytes, more than 64');
  });

  it('refuses to encode what the format cannot carry', () => {
    expect(() => encodeGattReport({ uuid: 0x2a19, value: hex('64') })).toThrow(RangeError);
    expect(() => encodeGattReport({ uuid: 0x2a1c, value: new Uint8Array() })).toThrow(RangeError);
    expect(() => encodeGattReport({ uuid: 0x2a1c, value: new Uint8Array(13) }, 16)).toThrow(RangeError);
    expect(() => encodeGattReport({ uuid: 0x2a1c, value: new Uint8Array(1) }, 65)).toThrow(RangeError);
  });
});
