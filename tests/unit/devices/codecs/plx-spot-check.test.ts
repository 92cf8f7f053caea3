import { describe, expect, it } from 'vitest';
import { decodePlxSpotCheck, encodePlxSpotCheck, type PlxSpotCheck } from '../../../../devices/codecs/plx-spot-check';

const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => parseInt(byte, 16));

// protocols.md gives the layout and no public vector: these are built by hand from the PLXS 1.0 layout.
const BARE = hex('00 61 00 48 00'); // SpO2 97 %, pulse 72
const FULL = hex([
  '0F', '61 00', '48 00', // every optional field; SpO2 97, pulse 72
  'EA 07 0B 19 0A 1E 00', // 2026-11-25 10:30:00
  '80 00', // measurement status: bit 7, validated data
  '20 00 00', // device and sensor status: bit 5, low perfusion
  '19 F0', // pulse amplitude index 25·10^-1 = 2.5 %
].join(' '));
const FULL_READING: PlxSpotCheck = {
  spo2Percent: 97, pulsePerMinute: 72, takenAt: '2026-11-25T10:30:00', deviceClockNotSet: false,
  measurementStatus: ['validatedData'], deviceStatus: ['lowPerfusionDetected'], pulseAmplitudeIndex: 2.5,
};

describe('decodePlxSpotCheck', () => {
  it('reads SpO2 and pulse rate with no optional field', () => {
    expect(decodePlxSpotCheck(BARE)).toEqual({
      ok: true,
      value: {
        spo2Percent: 97, pulsePerMinute: 72, takenAt: null, deviceClockNotSet: false,
        measurementStatus: null, deviceStatus: null, pulseAmplitudeIndex: null,
      },
    });
  });

  it('reads every optional field in order', () => {
    expect(decodePlxSpotCheck(FULL)).toEqual({ ok: true, value: FULL_READING });
  });

  it('reads "device clock not set" from flag bit 4, and then no time stamp, as it means nothing', () => {
    expect(decodePlxSpotCheck(hex('11 61 00 48 00 00 00 00 00 00 00 00'))).toMatchObject({
      ok: true, value: { deviceClockNotSet: true, takenAt: null },
    });
    expect(decodePlxSpotCheck(hex('11 61 00 48 00 D0 07 01 01 00 05 00'))).toMatchObject({
      ok: true, value: { deviceClockNotSet: true, takenAt: null },
    });
  });

  it('names every status bit, and ignores the reserved ones', () => {
    const all = decodePlxSpotCheck(hex('06 61 00 48 00 FF FF FF FF FF'));
    expect(all.ok && all.value.measurementStatus).toHaveLength(11);
    expect(all.ok && all.value.deviceStatus).toHaveLength(16);
    expect(decodePlxSpotCheck(hex('06 61 00 48 00 1F 20 00 80 FF'))).toMatchObject({
      ok: true, value: { measurementStatus: ['measurementUnavailable'], deviceStatus: ['sensorDisconnected'] },
    });
  });

  it.each([
    ['SpO2', '00 FF 07 48 00', 'NaN'],
    ['pulse rate', '00 61 00 00 08', 'NRes'],
    ['pulse amplitude index', '08 61 00 48 00 FE 07', '+INF'],
  ])('refuses a special SFLOAT as %s, never a number', (field, bytes, special) => {
    expect(decodePlxSpotCheck(hex(bytes))).toEqual({
      ok: false, error: `PLX spot-check measurement: the device sent ${special} as ${field}`,
    });
  });

  it('refuses every truncation, any extra byte and unknown flags', () => {
    for (let length = 1; length < FULL.length; length++) {
      expect(decodePlxSpotCheck(FULL.subarray(0, length))).toEqual({
        ok: false, error: `PLX spot-check measurement: ${length} bytes, its flags announce 19`,
      });
    }
    expect(decodePlxSpotCheck(hex('00 61 00 48 00 00'))).toMatchObject({ ok: false });
    expect(decodePlxSpotCheck(hex('20 61 00 48 00'))).toEqual({ ok: false, error: 'PLX spot-check measurement: unknown flags 0x20' });
    expect(decodePlxSpotCheck(new Uint8Array(0))).toEqual({ ok: false, error: 'PLX spot-check measurement: empty' });
  });

  it('refuses an impossible date', () => {
    expect(decodePlxSpotCheck(hex('01 61 00 48 00 EA 07 0D 01 00 00 00'))).toMatchObject({
      ok: false, error: expect.stringMatching(/time stamp: invalid date/),
    });
  });
});

describe('encodePlxSpotCheck', () => {
  it('puts the hand-built frames on the wire', () => {
    expect(encodePlxSpotCheck({ spo2Percent: 97, pulsePerMinute: 72 })).toEqual(BARE);
    expect(encodePlxSpotCheck({
      spo2Percent: 97, pulsePerMinute: 72, takenAt: { year: 2026, month: 11, day: 25, hours: 10, minutes: 30, seconds: 0 },
      measurementStatus: ['validatedData'], deviceStatus: ['lowPerfusionDetected'], pulseAmplitudeIndex: 2.5,
    })).toEqual(FULL);
  });

  it('round-trips the clock flag and empty status fields', () => {
    const reading = { spo2Percent: 95.5, pulsePerMinute: 130, deviceClockNotSet: true, measurementStatus: [], deviceStatus: [] };
    expect(decodePlxSpotCheck(encodePlxSpotCheck(reading))).toEqual({
      ok: true, value: { ...reading, takenAt: null, pulseAmplitudeIndex: null },
    });
  });
});
