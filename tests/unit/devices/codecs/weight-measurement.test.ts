import { describe, expect, it } from 'vitest';
import {
  decodeWeightMeasurement, encodeWeightMeasurement, type WeightMeasurement,
} from '../../../../devices/codecs/weight-measurement';

const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => parseInt(byte, 16));

const BARE: Omit<WeightMeasurement, 'kilograms' | 'sentIn'> = { takenAt: null, userId: null, bmi: null, heightMetres: null };
// Built by hand: 75.5 kg, 2026-11-25 08:15:00, user 2, BMI 24.7, 1.748 m.
const FULL = hex('0E FC 3A EA 07 0B 19 08 0F 00 02 F7 00 D4 06');

describe('decodeWeightMeasurement', () => {
  it('decodes the public vectors: 70.00 kg, and 157.00 lb converted to kilograms', () => {
    expect(decodeWeightMeasurement(hex('00 B0 36'))).toEqual({ ok: true, value: { ...BARE, kilograms: 70, sentIn: 'kg' } });
    expect(decodeWeightMeasurement(hex('01 54 3D'))).toEqual({ ok: true, value: { ...BARE, kilograms: 71.214, sentIn: 'lb' } });
  });

  it('reads time stamp, user, BMI and height', () => {
    expect(decodeWeightMeasurement(FULL)).toEqual({
      ok: true,
      value: { kilograms: 75.5, sentIn: 'kg', takenAt: '2026-11-25T08:15:00', userId: 2, bmi: 24.7, heightMetres: 1.748 },
    });
  });

  it('converts an imperial height from tenths of an inch to metres', () => {
    // 68.9 in = 1.75006 m
    expect(decodeWeightMeasurement(hex('09 54 3D F7 00 B1 02'))).toMatchObject({ ok: true, value: { bmi: 24.7, heightMetres: 1.7501 } });
  });

  it('reads user 255 as an unknown user', () => {
    expect(decodeWeightMeasurement(hex('04 B0 36 FF'))).toMatchObject({ ok: true, value: { userId: null } });
  });

  it('refuses "measurement unsuccessful" (0xFFFF) instead of reading 327.675 kg', () => {
    expect(decodeWeightMeasurement(hex('00 FF FF'))).toEqual({
      ok: false, error: 'weight measurement: the scale reports the measurement unsuccessful',
    });
  });

  it('refuses every truncation, any extra byte and unknown flags', () => {
    for (let length = 1; length < FULL.length; length++) {
      expect(decodeWeightMeasurement(FULL.subarray(0, length))).toEqual({
        ok: false, error: `weight measurement: ${length} bytes, its flags announce 15`,
      });
    }
    expect(decodeWeightMeasurement(hex('00 B0 36 00'))).toMatchObject({ ok: false });
    expect(decodeWeightMeasurement(hex('10 B0 36'))).toEqual({ ok: false, error: 'weight measurement: unknown flags 0x10' });
  });
});

describe('encodeWeightMeasurement', () => {
  it('reproduces the public vectors and the full frame', () => {
    expect(encodeWeightMeasurement({ kilograms: 70 })).toEqual(hex('00 B0 36'));
    expect(encodeWeightMeasurement({ kilograms: 71.214, sendIn: 'lb' })).toEqual(hex('01 54 3D'));
    expect(encodeWeightMeasurement({
      kilograms: 75.5, takenAt: { year: 2026, month: 11, day: 25, hours: 8, minutes: 15, seconds: 0 }, userId: 2,
      bmiAndHeight: { bmi: 24.7, heightMetres: 1.748 },
    })).toEqual(FULL);
  });

  it('sends "measurement unsuccessful", and refuses a weight the wire cannot carry', () => {
    expect(encodeWeightMeasurement({ kilograms: null })).toEqual(hex('00 FF FF'));
    expect(() => encodeWeightMeasurement({ kilograms: 327.675 })).toThrow(RangeError);
    expect(() => encodeWeightMeasurement({ kilograms: -1 })).toThrow(RangeError);
  });
});
