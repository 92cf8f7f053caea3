import { describe, expect, it } from 'vitest';
import { bootReportFor, decodeBootKeyboardReport, KeyboardWedgeDecoder, KEYS_UP } from '../../../../devices/codecs/hid-keyboard';

const report = (...bytes: number[]) => Uint8Array.from([...bytes, ...new Array(8 - bytes.length).fill(0)]);

describe('boot keyboard reports', () => {
  it('decodes the keys down and the shift modifier (left or right)', () => {
    expect(decodeBootKeyboardReport(report(0, 0, 0x04, 0x1e))).toEqual({ ok: true, value: { shift: false, keys: [0x04, 0x1e] } });
    expect(decodeBootKeyboardReport(report(0x02, 0, 0x04))).toEqual({ ok: true, value: { shift: true, keys: [0x04] } });
    expect(decodeBootKeyboardReport(report(0x20, 0, 0x04))).toEqual({ ok: true, value: { shift: true, keys: [0x04] } });
    expect(decodeBootKeyboardReport(report(0x01, 0, 0x04))).toEqual({ ok: true, value: { shift: false, keys: [0x04] } }); // control is not shift
  });

  it('refuses a wrong length, roll-over, error usages, modifiers in key slots and a key twice, with a reason', () => {
    expect(decodeBootKeyboardReport(Uint8Array.of(0, 0, 4))).toEqual({ ok: false, error: 'keyboard report: 3 bytes, expected 8' });
    expect(decodeBootKeyboardReport(report(0, 0, 1, 1, 1, 1, 1, 1))).toEqual({ ok: false, error: 'keyboard report: roll-over' });
    expect(decodeBootKeyboardReport(report(0, 0, 2))).toEqual({ ok: false, error: 'keyboard report: the keyboard reports an error' });
    expect(decodeBootKeyboardReport(report(0, 0, 0xe1))).toMatchObject({ ok: false });
    expect(decodeBootKeyboardReport(report(0, 0, 0xf0))).toMatchObject({ ok: false });
    expect(decodeBootKeyboardReport(report(0, 0, 4, 4))).toEqual({ ok: false, error: 'keyboard report: the same key twice' });
  });

  it('makes the report of every character it can type, which decodes back to that character', () => {
    const decoder = new KeyboardWedgeDecoder();
    const typed = [...'AZaz09-_ x!'].map((char) => {
      const strokes = decoder.push(bootReportFor(char), 0);
      decoder.push(KEYS_UP, 0);
      return strokes.ok && strokes.value[0]?.key === 'char' ? strokes.value[0].char : '?';
    });
    expect(typed.join('')).toBe('AZaz09-_ x!');
    expect(() => bootReportFor('é')).toThrow(RangeError);
  });
});

describe('KeyboardWedgeDecoder', () => {
  it('strokes a key when it goes down, once however long it is held, and again after its release', () => {
    const decoder = new KeyboardWedgeDecoder();
    expect(decoder.push(report(0, 0, 0x1e), 10)).toEqual({ ok: true, value: [{ key: 'char', char: '1', atMs: 10 }] });
    expect(decoder.push(report(0, 0, 0x1e), 20)).toEqual({ ok: true, value: [] });
    expect(decoder.push(report(0, 0, 0x1e, 0x1f), 30)).toEqual({ ok: true, value: [{ key: 'char', char: '2', atMs: 30 }] });
    expect(decoder.push(KEYS_UP, 40)).toEqual({ ok: true, value: [] });
    expect(decoder.push(report(0, 0, 0x1e), 50)).toEqual({ ok: true, value: [{ key: 'char', char: '1', atMs: 50 }] });
  });

  it('knows Enter (main and keypad), the keypad digits, and other keys as "other"', () => {
    const decoder = new KeyboardWedgeDecoder();
    expect(decoder.push(report(0, 0, 0x28, 0x58, 0x62, 0x3a), 0)).toEqual({
      ok: true, value: [{ key: 'enter', atMs: 0 }, { key: 'enter', atMs: 0 }, { key: 'char', char: '0', atMs: 0 }, { key: 'other', atMs: 0 }],
    });
  });

  it('forgets the keys down after a bad report, so a key still down counts as pressed again', () => {
    const decoder = new KeyboardWedgeDecoder();
    decoder.push(report(0, 0, 0x04), 0);
    expect(decoder.push(Uint8Array.of(1, 2, 3), 1).ok).toBe(false);
    expect(decoder.push(report(0, 0, 0x04), 2)).toEqual({ ok: true, value: [{ key: 'char', char: 'a', atMs: 2 }] });
  });
});
