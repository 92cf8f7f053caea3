import { describe, expect, it } from 'vitest';
import { atrMatches, bytesOfHex, parseAtr } from '../../../../devices/codecs/atr';

const hex = (text: string): Uint8Array => bytesOfHex(text)!;

describe('parseAtr', () => {
  it('reads a T=0 card without check byte: Sesam Vitale as public ATR lists give it', () => {
    const atr = parseAtr(hex('3F 65 25 00 22 09 69 90 00'));
    expect(atr).toEqual({ ok: true, value: { convention: 'inverse', protocols: [0], historical: hex('22 09 69 90 00') } });
  });

  it('reads a T=1 card with TD bytes and checks its TCK', () => {
    // JCOP 41 V2.4 (T=1) from a public ATR table: 3B FA 18 00 00 81 31 FE 45 "JCOP41V24_" + TCK.
    // The table masks the last byte (00 is not its TCK): put the right one.
    expect(parseAtr(hex('3BFA1800008131FE454A434F5034315632345F00')).ok).toBe(false);
    const bytes = hex('3BFA1800008131FE454A434F5034315632345F00');
    bytes[bytes.length - 1] = bytes.subarray(1, -1).reduce((x, b) => x ^ b, 0);
    const fixed = parseAtr(bytes);
    expect(fixed.ok && fixed.value.protocols).toEqual([1]);
    expect(fixed.ok && new TextDecoder().decode(fixed.value.historical)).toBe('JCOP41V24_');
  });

  it('refuses what is not an ATR, saying why', () => {
    expect(parseAtr(hex('3B'))).toEqual({ ok: false, error: 'an ATR has at least 2 bytes, this one 1' });
    expect(parseAtr(hex('3A 00'))).toEqual({ ok: false, error: 'an ATR starts with 3B or 3F, this one with 3A' });
    expect(parseAtr(hex('3B 65 00 00 22 09'))).toEqual({ ok: false, error: 'the ATR announces 9 bytes and has 6' });
    expect(parseAtr(hex('3B 80'))).toEqual({ ok: false, error: 'the ATR ends inside its interface bytes' });
    expect(parseAtr(hex('3B 81 01 00 00'))).toMatchObject({ ok: false, error: 'the ATR check byte (TCK) is wrong' });
  });
});

describe('atrMatches', () => {
  const vitale = { atr: hex('3F 65 25 00 22 09 69 90 00'), mask: hex('FF FF FF FF 00 FF 0F FF FF') };
  it('matches the masked bytes only', () => {
    expect(atrMatches(hex('3F 65 25 00 2C 09 F9 90 00'), vitale)).toBe(true);
    expect(atrMatches(hex('3F 65 25 08 2C 09 F9 90 00'), vitale)).toBe(false);
    expect(atrMatches(hex('3F 65 25 00 2C 09 F9 90'), vitale)).toBe(false);
  });
});

describe('bytesOfHex', () => {
  it('reads spaced or compact hex, and refuses anything else', () => {
    expect(bytesOfHex('a0 00 00 02 47')).toEqual(hex('A000000247'));
    expect(bytesOfHex('A0:00')).toEqual(Uint8Array.from([0xa0, 0]));
    for (const bad of ['', 'A', 'GG', 'A0 0']) expect(bytesOfHex(bad)).toBeNull();
  });
});
