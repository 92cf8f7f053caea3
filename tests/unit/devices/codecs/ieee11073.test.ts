import { describe, expect, it } from 'vitest';
import { decodeFloat, decodeSfloat, encodeFloat, encodeSfloat } from '../../../../devices/codecs/ieee11073';

// Raw words and values from protocols.md (nrfconnect/sdk-nrf tests/lib/sfloat, Bluetooth SIG example).
const SFLOAT_VECTORS = ([
  [0xe113, 2.75], [0xeeed, -2.75], [0xf423, 105.9], [0x0187, 391], [0x11fb, 5070],
] as const).map(([word, value]) => [word.toString(16).toUpperCase().padStart(4, '0'), value, word] as const);

describe('FLOAT', () => {
  it('decodes 3760·10^-2 to exactly 37.6, read little-endian from the public bytes B0 0E 00 FE', () => {
    const word = new DataView(Uint8Array.of(0xb0, 0x0e, 0x00, 0xfe).buffer).getUint32(0, true);
    expect(word).toBe(0xfe000eb0);
    expect(decodeFloat(word)).toEqual({ ok: true, value: 37.6 });
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

  it('keeps an exponent-0 mantissa off the special words, and takes the full range at other exponents', () => {
    expect(encodeFloat(8388605)).toBe(0x007ffffd);
    expect(decodeFloat(encodeFloat(8388606))).toEqual({ ok: true, value: 8388610 }); // 838861·10^1
    expect(encodeFloat(-0.8388608)).toBe(0xf9800000); // mantissa -2^23 at exponent -7 is a number
    expect(decodeFloat(0xf9800000)).toEqual({ ok: true, value: -0.8388608 });
  });

  it('answers NRes when a value does not fit the requested resolution', () => {
    expect(decodeFloat(encodeFloat(83886.08, -2))).toEqual({ ok: false, error: 'NRes' }); // mantissa 2^23
  });

  it('encodes non-finite values as the matching special words', () => {
    expect(decodeFloat(encodeFloat(Number.NaN))).toEqual({ ok: false, error: 'NaN' });
    expect(decodeFloat(encodeFloat(Infinity))).toEqual({ ok: false, error: '+INF' });
    expect(decodeFloat(encodeFloat(-Infinity))).toEqual({ ok: false, error: '-INF' });
  });
});

describe('SFLOAT', () => {
  it.each(SFLOAT_VECTORS)('decodes 0x%s to %d', (_, value, word) => {
    expect(decodeSfloat(word)).toEqual({ ok: true, value });
  });

  it.each(SFLOAT_VECTORS)('encodes 0x%s (%d) like the reference implementation', (_, value, word) => {
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
    expect(decodeSfloat(encodeSfloat(2046, 0))).toEqual({ ok: false, error: 'NRes' });
  });

  it('encodes non-finite values as the matching special words', () => {
    expect(encodeSfloat(Number.NaN)).toBe(0x07ff);
    expect(encodeSfloat(Infinity)).toBe(0x07fe);
    expect(encodeSfloat(-Infinity)).toBe(0x0802);
    expect(encodeSfloat(3e10)).toBe(0x07fe); // beyond 2047·10^7
  });

  it('re-encodes every one of the 65,536 words that is a number to a word of the same number, never a special one', () => {
    const specials = new Set([0x07ff, 0x0800, 0x07fe, 0x0802, 0x0801]);
    for (let word = 0; word <= 0xffff; word++) {
      const decoded = decodeSfloat(word);
      if (decoded.ok === specials.has(word)) expect.fail(`0x${word.toString(16)} decodes to ${JSON.stringify(decoded)}`);
      if (!decoded.ok) continue;
      const again = encodeSfloat(decoded.value);
      if (specials.has(again) || !sameNumber(decodeSfloat(again), decoded.value)) {
        expect.fail(`0x${word.toString(16)} (${decoded.value}) re-encodes to 0x${again.toString(16)}`);
      }
    }
  });
});

function sameNumber(result: ReturnType<typeof decodeSfloat>, value: number): boolean {
  return result.ok && result.value === value;
}
