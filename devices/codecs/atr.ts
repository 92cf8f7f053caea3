import { fail, ok, type Result } from '../../common/result';

/**
 * A card's Answer To Reset (ISO/IEC 7816-3 §8.2): what a card says of itself when powered. The kiosk
 * reads only its transmission protocols and its historical bytes (where card families put their name).
 */
export interface Atr {
  convention: 'direct' | 'inverse';
  /** The protocols the interface bytes offer, T=0 when none is named (0 = T=0, 1 = T=1, 15 = global bytes). */
  protocols: number[];
  historical: Uint8Array;
}

/** ISO/IEC 7816-3: TS, T0, at most 32 more characters. */
export const ATR_MAX_LENGTH = 33;

/** Parses an ATR; any byte too many or too few, an unknown TS or a wrong check byte is an error value. */
export function parseAtr(bytes: Uint8Array): Result<Atr> {
  if (bytes.length < 2) return fail(`an ATR has at least 2 bytes, this one ${bytes.length}`);
  if (bytes.length > ATR_MAX_LENGTH) return fail(`an ATR has at most ${ATR_MAX_LENGTH} bytes, this one ${bytes.length}`);
  const ts = bytes[0]!;
  if (ts !== 0x3b && ts !== 0x3f) return fail(`an ATR starts with 3B or 3F, this one with ${hexByte(ts)}`);
  const t0 = bytes[1]!;
  const historicalLength = t0 & 0x0f;
  const protocols: number[] = [];
  let indicator = t0 >> 4; // which of TAi, TBi, TCi, TDi follow
  let at = 2;
  for (;;) {
    const present = [0x1, 0x2, 0x4].filter((bit) => indicator & bit).length;
    at += present;
    if (!(indicator & 0x8)) break;
    const td = bytes[at];
    if (td === undefined) return fail('the ATR ends inside its interface bytes');
    protocols.push(td & 0x0f);
    indicator = td >> 4;
    at += 1;
  }
  if (at > bytes.length) return fail('the ATR ends inside its interface bytes');
  // A check byte TCK follows the historical bytes unless T=0 is the only protocol offered.
  const withCheck = protocols.some((protocol) => protocol !== 0);
  const expected = at + historicalLength + (withCheck ? 1 : 0);
  if (bytes.length !== expected) return fail(`the ATR announces ${expected} bytes and has ${bytes.length}`);
  if (withCheck && bytes.subarray(1).reduce((xor, byte) => xor ^ byte, 0) !== 0) return fail('the ATR check byte (TCK) is wrong');
  return ok({
    convention: ts === 0x3b ? 'direct' : 'inverse',
    protocols: protocols.length > 0 ? [...new Set(protocols)] : [0],
    historical: bytes.slice(at, at + historicalLength),
  });
}

/** An ATR pattern as public ATR lists give them: the bytes, and a mask whose 0 bits match anything. */
export interface AtrPattern {
  atr: Uint8Array;
  mask?: Uint8Array;
}

/** Whether `atr` matches `pattern` byte for byte under its mask; lengths must be equal. */
export function atrMatches(atr: Uint8Array, { atr: expected, mask }: AtrPattern): boolean {
  if (atr.length !== expected.length) return false;
  return atr.every((byte, i) => ((byte ^ expected[i]!) & (mask?.[i] ?? 0xff)) === 0);
}

const hexByte = (byte: number): string => byte.toString(16).toUpperCase().padStart(2, '0');

/** Bytes from a hex string as profiles write them ("3F 65 25" or "3f6525"); null when it is not hex. */
export function bytesOfHex(text: string): Uint8Array | null {
  const compact = text.replace(/[\s:]/g, '');
  if (compact.length === 0 || compact.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(compact)) return null;
  return Uint8Array.from(compact.match(/../g)!.map((pair) => parseInt(pair, 16)));
}
