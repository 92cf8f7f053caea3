import { fail, ok, type Result } from '../../common/result';

/**
 * IEEE 11073-20601 FLOAT (32 bits) and SFLOAT (16 bits): value = mantissa · 10^exponent, both signed,
 * exponent in the high bits. These functions work on the unsigned word; on the wire it is little-endian,
 * so readers pass `view.getUint32(offset, true)` or `view.getUint16(offset, true)`.
 */

/** What a device sends instead of a number. Kept apart from numbers so that no one averages a NaN. */
export type Ieee11073Special = 'NaN' | 'NRes' | '+INF' | '-INF' | 'reserved';

/** A decoded FLOAT or SFLOAT: the number, or the special value the device sent instead. */
export type Ieee11073Value = Result<number, Ieee11073Special>;

interface Format {
  mantissaBits: number;
  exponentBits: number;
}

const FLOAT: Format = { mantissaBits: 24, exponentBits: 8 };
const SFLOAT: Format = { mantissaBits: 12, exponentBits: 4 };

// Special values have exponent 0 and a mantissa at the edge of the signed range: they sit at edge + offset,
// edge = 2^(mantissaBits-1). For SFLOAT: 0x07FF NaN, 0x0800 NRes, 0x07FE +INF, 0x0802 -INF, 0x0801 reserved.
const SPECIAL_OFFSETS: Readonly<Record<Ieee11073Special, number>> = {
  NaN: -1, NRes: 0, '+INF': -2, '-INF': 2, reserved: 1,
};
const SPECIALS = Object.keys(SPECIAL_OFFSETS) as Ieee11073Special[];

const edgeOf = (format: Format): number => 2 ** (format.mantissaBits - 1);
const specialWord = (special: Ieee11073Special, format: Format): number => edgeOf(format) + SPECIAL_OFFSETS[special];

function toSigned(bits: number, width: number): number {
  return bits >= 2 ** (width - 1) ? bits - 2 ** width : bits;
}

function decode(word: number, format: Format): Ieee11073Value {
  const special = SPECIALS.find((name) => word === specialWord(name, format));
  if (special) return fail(special);
  const mantissa = toSigned(word % 2 ** format.mantissaBits, format.mantissaBits);
  const exponent = toSigned(Math.floor(word / 2 ** format.mantissaBits), format.exponentBits);
  // Divide by 10^-e rather than multiply by 10^e: 3680 / 100 is 36.8, 3680 * 0.01 is 36.800000000000004.
  return ok(exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent);
}

/** Rounds half away from zero, so that encoding is symmetric for negative values. */
function scale(value: number, exponent: number): number {
  const scaled = exponent < 0 ? value * 10 ** -exponent : value / 10 ** exponent;
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

function pack(mantissa: number, exponent: number, format: Format): number {
  const mantissaRange = 2 ** format.mantissaBits;
  const exponentRange = 2 ** format.exponentBits;
  return ((exponent + exponentRange) % exponentRange) * mantissaRange + ((mantissa + mantissaRange) % mantissaRange);
}

/**
 * Whether a mantissa fits at this exponent. Special words all have exponent 0 and a mantissa at the edge, so
 * an exponent-0 mantissa stays 3 inside the edge (±2045 for SFLOAT); any other exponent takes the full
 * signed range, so that every number a device can send re-encodes to the same number.
 */
function fits(mantissa: number, exponent: number, format: Format): boolean {
  const edge = edgeOf(format);
  return exponent === 0 ? Math.abs(mantissa) <= edge - 3 : mantissa >= -edge && mantissa < edge;
}

function encode(value: number, format: Format, fixedExponent?: number): number {
  if (Number.isNaN(value)) return specialWord('NaN', format);
  if (!Number.isFinite(value)) return specialWord(value > 0 ? '+INF' : '-INF', format);
  const maxExponent = 2 ** (format.exponentBits - 1) - 1;
  const minExponent = -maxExponent - 1;
  if (fixedExponent !== undefined) {
    // A wrong resolution is a programming error in the caller, not something a device sent.
    if (!Number.isInteger(fixedExponent) || fixedExponent < minExponent || fixedExponent > maxExponent) {
      throw new RangeError(`exponent ${fixedExponent} is outside ${minExponent}..${maxExponent}`);
    }
    const mantissa = scale(value, fixedExponent);
    return fits(mantissa, fixedExponent, format) ? pack(mantissa, fixedExponent, format) : specialWord('NRes', format);
  }
  // The smallest exponent whose mantissa fits is the most precise encoding.
  let exponent = minExponent;
  while (exponent <= maxExponent && !fits(scale(value, exponent), exponent, format)) exponent++;
  if (exponent > maxExponent) return specialWord(value > 0 ? '+INF' : '-INF', format);
  let mantissa = scale(value, exponent);
  // Drop trailing zeros down to units: 376·10^-1 rather than 3760000·10^-5, and 60 rather than 6·10^1, as devices do.
  while (mantissa !== 0 && mantissa % 10 === 0 && exponent < 0 && fits(mantissa / 10, exponent + 1, format)) {
    mantissa /= 10;
    exponent++;
  }
  return pack(mantissa, mantissa === 0 ? 0 : exponent, format);
}

/** Decodes a 32-bit FLOAT word. */
export const decodeFloat = (word: number): Ieee11073Value => decode(word, FLOAT);

/** Decodes a 16-bit SFLOAT word. */
export const decodeSfloat = (word: number): Ieee11073Value => decode(word, SFLOAT);

/**
 * Encodes a FLOAT word. With `exponent`, the value is rounded to that resolution, as a device with a fixed
 * resolution does (NRes if the mantissa would not fit); without, the most precise encoding is chosen.
 * NaN and ±Infinity become the matching special words. Never returns a reserved word for a finite value.
 */
export const encodeFloat = (value: number, exponent?: number): number => encode(value, FLOAT, exponent);

/** Encodes an SFLOAT word; same rules as `encodeFloat`, an exponent-0 mantissa within ±2045. */
export const encodeSfloat = (value: number, exponent?: number): number => encode(value, SFLOAT, exponent);
