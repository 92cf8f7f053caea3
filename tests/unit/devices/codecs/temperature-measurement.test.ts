import { describe, expect, it } from 'vitest';
import {
  decodeTemperatureMeasurement, encodeTemperatureMeasurement,
} from '../../../../devices/codecs/temperature-measurement';

const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => parseInt(byte, 16));

// Nordic Android-BLE-Common-Library, TemperatureMeasurementDataCallbackTest.
const SIG_VECTOR = hex('06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04');

describe('decodeTemperatureMeasurement', () => {
  it('decodes the public vector: 37.60 °C at the finger, 2012-12-05 11:50:27', () => {
    expect(decodeTemperatureMeasurement(SIG_VECTOR)).toEqual({
      ok: true, value: { celsius: 37.6, site: 'finger', takenAt: '2012-12-05T11:50:27' },
    });
  });

  it('reads a value with no optional field', () => {
    expect(decodeTemperatureMeasurement(hex('00 B0 0E 00 FE'))).toEqual({
      ok: true, value: { celsius: 37.6, site: null, takenAt: null },
    });
  });

  it('converts Fahrenheit to Celsius, to two decimals', () => {
    // 986·10^-1 °F and 9950·10^-2 °F
    expect(decodeTemperatureMeasurement(hex('01 DA 03 00 FF'))).toMatchObject({ ok: true, value: { celsius: 37 } });
    expect(decodeTemperatureMeasurement(hex('01 DE 26 00 FE'))).toMatchObject({ ok: true, value: { celsius: 37.5 } });
  });

  it('treats year 0 or month 0 as a clock that is not set', () => {
    expect(decodeTemperatureMeasurement(hex('02 B0 0E 00 FE 00 00 0C 05 0B 32 1B'))).toMatchObject({
      ok: true, value: { takenAt: null },
    });
    expect(decodeTemperatureMeasurement(hex('02 B0 0E 00 FE DC 07 00 05 0B 32 1B'))).toMatchObject({
      ok: true, value: { takenAt: null },
    });
  });

  it('ignores bytes after the fields it knows', () => {
    const result = decodeTemperatureMeasurement(hex('00 B0 0E 00 FE 99'));
    expect(result).toMatchObject({ ok: true, value: { celsius: 37.6 } });
  });

  it('rejects every truncation of the vector with a reason', () => {
    for (let length = 0; length < SIG_VECTOR.length; length++) {
      const result = decodeTemperatureMeasurement(SIG_VECTOR.subarray(0, length));
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/truncated/) });
    }
  });

  it('rejects a special FLOAT instead of returning a number', () => {
    expect(decodeTemperatureMeasurement(hex('00 FF FF 7F 00'))).toEqual({
      ok: false, error: 'temperature measurement carries no value: the device sent NaN',
    });
    const nres = decodeTemperatureMeasurement(hex('00 00 00 80 00'));
    expect(nres).toMatchObject({ ok: false, error: expect.stringMatching(/NRes/) });
  });

  it('rejects an unknown temperature type', () => {
    expect(decodeTemperatureMeasurement(hex('04 B0 0E 00 FE 0A'))).toEqual({
      ok: false, error: 'temperature measurement: unknown temperature type 10',
    });
    expect(decodeTemperatureMeasurement(hex('04 B0 0E 00 FE 00'))).toMatchObject({ ok: false });
  });

  it('rejects an impossible date', () => {
    expect(decodeTemperatureMeasurement(hex('02 B0 0E 00 FE DC 07 0D 05 0B 32 1B'))).toMatchObject({
      ok: false, error: expect.stringMatching(/invalid date/),
    });
    expect(decodeTemperatureMeasurement(hex('02 B0 0E 00 FE DC 07 02 1E 0B 32 1B'))).toMatchObject({ ok: false });
  });
});

describe('encodeTemperatureMeasurement', () => {
  it('reproduces the public vector', () => {
    const takenAt = { year: 2012, month: 12, day: 5, hours: 11, minutes: 50, seconds: 27 };
    expect(encodeTemperatureMeasurement({ celsius: 37.6, takenAt, site: 'finger' })).toEqual(SIG_VECTOR);
  });

  it('round-trips a Fahrenheit reading to the same Celsius value', () => {
    const bytes = encodeTemperatureMeasurement({ celsius: 38.2, fahrenheit: true, site: 'tympanum' });
    expect(decodeTemperatureMeasurement(bytes)).toEqual({
      ok: true, value: { celsius: 38.2, site: 'tympanum', takenAt: null },
    });
  });
});
