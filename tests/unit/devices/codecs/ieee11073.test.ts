import { describe, expect, it } from 'vitest';
import { decodeFloat, decodeSfloat, encodeFloat, encodeSfloat } from '../../../../devices/codecs/ieee11073';

// Raw words and values from protocols.md (nrfconnect/sdk-nrf tests/lib/sfloat, Bluetooth SIG example).
const SFLOAT_VECTORS = ([
  [0xe113, 2.75], [0xeeed, -2.75], [0xf423, 105.9], [0x0187, 391], [0x11fb, 5070],
] as const).map(([word, value]) => [word.toString(16).toUpperCase().padStart(4, '0'), word, value] as const);

describe('FLOAT', () => {
  it('decodes 3760·10^-2 to exactly 37.6', () => {
    expect(decodeFloat(0xfe000eb0)).toEqual({ ok: true, value: 37.6 });
  });

  it('decodes without floating-point error where m·10^e would have one', () => {
    expect(decodeFloat(0xfe000e60)).toEqual({ ok: true, value: 36.8 }); // 3680·10^-2
  });

  it('reports each special value by name, not as a number', () => {
    expect(decodeFloat(0x007fffff)).toEqual({ ok: false, error: 'NaN' });
    expect(decodeFloat(0x00800000)).toEqual({ ok: false, error: 'NRes' });
    expect(decodeFloat(0x007ffffe)).toEqual({ ok: false, error: '+INF' });
    expect(decodeFloat(0x00800002)).toEqual({ ok: false, error: '-INF' });
    expect(decodeFloat(0x00800001)).toEqual({ ok: false, error: 'reserved' });
  });

  it('encodes at a fixed resolution like a device, reproducing the SIG example', () => {
    expect(encodeFloat(37.6, -2)).toBe(0xfe000eb0);
  });

  it('round-trips values through its most precise encoding, within its 24-bit precision', () => {
    for (const value of [37.6, -40.25, 0, 0.1 + 0.2, 98.6, 1e-9, 1234567, -8.5e12]) {
      const decoded = decodeFloat(encodeFloat(value));
      expect(decoded.ok).toBe(true);
      expect(decoded.ok && Math.abs(decoded.value - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-6);
    }
    expect(decodeFloat(encodeFloat(37.6))).toEqual({ ok: true, value: 37.6 });
  });

  it('encodes non-finite values as the matching special words', () => {
    expect(decodeFloat(encodeFloat(Number.NaN))).toEqual({ ok: false, error: 'NaN' });
    expect(decodeFloat(encodeFloat(Infinity))).toEqual({ ok: false, error: '+INF' });
    expect(decodeFloat(encodeFloat(-Infinity))).toEqual({ ok: false, error: '-INF' });
  });
});

describe('SFLOAT', () => {
  it.each(SFLOAT_VECTORS)('decodes 0x%s to %d', (_, word, value) => {
    expect(decodeSfloat(word)).toEqual({ ok: true, value });
  });

  it.each(SFLOAT_VECTORS)('encodes to 0x%s, like the reference implementation', (_, word, value) => {
    expect(encodeSfloat(value)).toBe(word);
  });

  it('decodes two encodings of one value to the same number', () => {
    expect(decodeSfloat(0x0064)).toEqual(decodeSfloat(0xf3e8));
  });

  it('reports each special value by name', () => {
    expect(decodeSfloat(0x07ff)).toEqual({ ok: false, error: 'NaN' });
    expect(decodeSfloat(0x0800)).toEqual({ ok: false, error: 'NRes' });
    expect(decodeSfloat(0x07fe)).toEqual({ ok: false, error: '+INF' });
    expect(decodeSfloat(0x0802)).toEqual({ ok: false, error: '-INF' });
    expect(decodeSfloat(0x0801)).toEqual({ ok: false, error: 'reserved' });
  });

  it('never encodes a finite value as a special word, even at the edge of the mantissa range', () => {
    for (const value of [2045, 2046, 2047, 2048, -2045, -2046, -2047, -2048]) {
      const decoded = decodeSfloat(encodeSfloat(value));
      expect(decoded.ok).toBe(true);
      expect(decoded.ok && Math.abs(decoded.value - value)).toBeLessThanOrEqual(5);
    }
  });

  it('answers NRes when a value does not fit the requested resolution', () => {
    expect(decodeSfloat(encodeSfloat(5000, 0))).toEqual({ ok: false, error: 'NRes' });
  });
});
