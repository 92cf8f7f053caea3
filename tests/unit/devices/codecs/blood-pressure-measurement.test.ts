import { describe, expect, it } from 'vitest';
import {
  decodeBloodPressureMeasurement, encodeBloodPressureMeasurement, type BloodPressureMeasurement,
} from '../../../../devices/codecs/blood-pressure-measurement';

const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => parseInt(byte, 16));

// Nordic Android-BLE-Common-Library, BloodPressureMeasurementDataCallbackTest, as quoted in protocols.md.
const FULL_VECTOR = hex('1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00');
const FULL_READING: BloodPressureMeasurement = {
  systolicMmHg: 138, diastolicMmHg: 88, meanArterialMmHg: 120, sentIn: 'mmHg',
  takenAt: null, // year 0: the monitor's clock is not set
  pulsePerMinute: 60, userId: 1,
  status: { bodyMovement: true, cuffTooLoose: true, irregularPulse: true, pulseRange: 'within', improperPosition: true },
};
const BARE_VECTOR = hex('00 BD F0 0B 00 9F F0');
const BARE_READING: BloodPressureMeasurement = {
  systolicMmHg: 18.9, diastolicMmHg: 11, meanArterialMmHg: 15.9, sentIn: 'mmHg',
  takenAt: null, pulsePerMinute: null, userId: null, status: null,
};

describe('decodeBloodPressureMeasurement', () => {
  it('decodes the public vector with every optional field: 138/88/120 mmHg, pulse 60, user 1, status 0x0027', () => {
    expect(decodeBloodPressureMeasurement(FULL_VECTOR)).toEqual({ ok: true, value: FULL_READING });
  });

  it('decodes the public vector with no optional field: 18.9/11/15.9', () => {
    expect(decodeBloodPressureMeasurement(BARE_VECTOR)).toEqual({ ok: true, value: BARE_READING });
  });

  it('converts kPa to mmHg, to 0.01 mmHg', () => {
    // 18.9 / 11 / 15.9 kPa
    expect(decodeBloodPressureMeasurement(hex('01 BD F0 0B 00 9F F0'))).toEqual({
      ok: true, value: { ...BARE_READING, systolicMmHg: 141.76, diastolicMmHg: 82.51, meanArterialMmHg: 119.26, sentIn: 'kPa' },
    });
  });

  it('reads a time stamp when the clock is set', () => {
    expect(decodeBloodPressureMeasurement(hex('02 8A 00 58 00 78 00 EA 07 0B 19 0A 1E 00'))).toMatchObject({
      ok: true, value: { takenAt: '2026-11-25T10:30:00' },
    });
  });

  it('reads the pulse range: within, above, below; and refuses the reserved value 3', () => {
    const withStatus = (word: string) => decodeBloodPressureMeasurement(hex(`10 8A 00 58 00 78 00 ${word}`));
    expect(withStatus('00 00')).toMatchObject({ ok: true, value: { status: { pulseRange: 'within', irregularPulse: false } } });
    expect(withStatus('08 00')).toMatchObject({ ok: true, value: { status: { pulseRange: 'above' } } });
    expect(withStatus('10 00')).toMatchObject({ ok: true, value: { status: { pulseRange: 'below' } } });
    expect(withStatus('18 00')).toEqual({ ok: false, error: 'blood pressure measurement: pulse range 3 is reserved' });
    // Bits 6–15 are reserved for future use: ignored.
    expect(withStatus('C4 FF')).toMatchObject({ ok: true, value: { status: { irregularPulse: true, bodyMovement: false } } });
  });

  it('reads user 255 as an unknown user', () => {
    expect(decodeBloodPressureMeasurement(hex('08 8A 00 58 00 78 00 FF'))).toMatchObject({ ok: true, value: { userId: null } });
  });

  it.each([
    ['systolic', '00 FF 07 58 00 78 00', 'NaN'],
    ['diastolic', '00 8A 00 00 08 78 00', 'NRes'],
    ['mean arterial pressure', '00 8A 00 58 00 FE 07', '+INF'],
    ['pulse rate', '04 8A 00 58 00 78 00 02 08', '-INF'],
    ['pulse rate', '04 8A 00 58 00 78 00 01 08', 'reserved'],
  ])('refuses a special SFLOAT as %s (%s → %s), never a number', (field, bytes, special) => {
    expect(decodeBloodPressureMeasurement(hex(bytes))).toEqual({
      ok: false, error: `blood pressure measurement: the device sent ${special} as ${field}`,
    });
  });

  it('refuses every truncation and any extra byte: the length must be what the flags announce', () => {
    for (let length = 1; length < FULL_VECTOR.length; length++) {
      expect(decodeBloodPressureMeasurement(FULL_VECTOR.subarray(0, length))).toEqual({
        ok: false, error: `blood pressure measurement: ${length} bytes, its flags announce 19`,
      });
    }
    expect(decodeBloodPressureMeasurement(hex('00 BD F0 0B 00 9F F0 00'))).toMatchObject({ ok: false });
    expect(decodeBloodPressureMeasurement(new Uint8Array(0))).toEqual({ ok: false, error: 'blood pressure measurement: empty' });
  });

  it('refuses flags it does not know', () => {
    expect(decodeBloodPressureMeasurement(hex('20 BD F0 0B 00 9F F0'))).toEqual({
      ok: false, error: 'blood pressure measurement: unknown flags 0x20',
    });
  });

  it('refuses an impossible date', () => {
    expect(decodeBloodPressureMeasurement(hex('02 8A 00 58 00 78 00 EA 07 02 1E 0A 1E 00'))).toMatchObject({
      ok: false, error: expect.stringMatching(/time stamp: invalid date/),
    });
  });
});

describe('encodeBloodPressureMeasurement', () => {
  it('reproduces both public vectors', () => {
    expect(encodeBloodPressureMeasurement({
      systolicMmHg: 138, diastolicMmHg: 88, meanArterialMmHg: 120,
      takenAt: { year: 0, month: 4, day: 17, hours: 20, minutes: 41, seconds: 59 },
      pulsePerMinute: 60, userId: 1,
      status: { bodyMovement: true, cuffTooLoose: true, irregularPulse: true, improperPosition: true },
    })).toEqual(FULL_VECTOR);
    expect(encodeBloodPressureMeasurement({ systolicMmHg: 18.9, diastolicMmHg: 11, meanArterialMmHg: 15.9 })).toEqual(BARE_VECTOR);
  });

  it('sends kPa at the resolution asked, and the reading comes back in mmHg', () => {
    const bytes = encodeBloodPressureMeasurement({
      systolicMmHg: 120, diastolicMmHg: 80, meanArterialMmHg: 93, sendIn: 'kPa', exponent: -1,
      status: { pulseRange: 'below' },
    });
    expect([...bytes.subarray(0, 3)]).toEqual([0x11, 0xa0, 0xf0]); // 160·10^-1 kPa
    expect(decodeBloodPressureMeasurement(bytes)).toMatchObject({
      ok: true, value: { systolicMmHg: 120.01, diastolicMmHg: 80.26, sentIn: 'kPa', status: { pulseRange: 'below' } },
    });
  });

  it('refuses a user id the wire cannot carry', () => {
    expect(() => encodeBloodPressureMeasurement({ systolicMmHg: 120, diastolicMmHg: 80, meanArterialMmHg: 93, userId: 256 }))
      .toThrow(RangeError);
  });
});
