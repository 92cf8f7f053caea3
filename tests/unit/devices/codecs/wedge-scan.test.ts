import { describe, expect, it } from 'vitest';
import type { KeyStroke } from '../../../../devices/codecs/hid-keyboard';
import { WedgeScanDetector, type ScanOutcome } from '../../../../devices/codecs/wedge-scan';

const TIMING = { minLength: 6, maxLength: 16, maxGapMs: 40 };

/** Strokes for `text` (`\n` is Enter, `#` a key that types nothing known), a key every `gapMs` from `startMs`. */
const strokes = (text: string, gapMs: number, startMs = 1_000): KeyStroke[] => [...text].map((c, i) => {
  const atMs = startMs + i * gapMs;
  if (c === '\n') return { key: 'enter', atMs };
  return c === '#' ? { key: 'other', atMs } : { key: 'char', char: c, atMs };
});

const outcomes = (detector: WedgeScanDetector, input: KeyStroke[]): ScanOutcome[] =>
  input.flatMap((stroke) => detector.push(stroke) ?? []);

describe('WedgeScanDetector', () => {
  it('accepts a fast burst of at least minLength characters ending in Enter as a scan', () => {
    expect(outcomes(new WedgeScanDetector(TIMING), strokes('04A1B2C3\n', 8))).toEqual([{ type: 'scan', text: '04A1B2C3' }]);
  });

  it('drops a person typing the same characters at a human pace', () => {
    expect(outcomes(new WedgeScanDetector(TIMING), strokes('04A1B2C3\n', 150))).toEqual([{ type: 'typed', reason: 'Enter came after a pause' }]);
  });

  it('drops a scan interrupted midway (no Enter), and takes the next whole scan after the pause', () => {
    const detector = new WedgeScanDetector(TIMING);
    const cut = strokes('04A1', 8, 1_000);
    const next = strokes('99887766\n', 8, 2_000);
    expect(outcomes(detector, [...cut, ...next])).toEqual([{ type: 'scan', text: '99887766' }]);
  });

  it('drops a burst with a pause inside it: what came before the pause is not glued to what follows', () => {
    const detector = new WedgeScanDetector(TIMING);
    const input = [...strokes('123', 8, 1_000), ...strokes('456\n', 8, 1_500)];
    expect(outcomes(detector, input)).toEqual([{ type: 'typed', reason: 'fewer than 6 characters' }]);
  });

  it('drops a burst that is too short, too long, or holds a key that is not part of a badge number', () => {
    expect(outcomes(new WedgeScanDetector(TIMING), strokes('12345\n', 8))).toEqual([{ type: 'typed', reason: 'fewer than 6 characters' }]);
    expect(outcomes(new WedgeScanDetector(TIMING), strokes('12345678901234567\n', 8)))
      .toEqual([{ type: 'typed', reason: 'longer than 16 characters' }]);
    expect(outcomes(new WedgeScanDetector(TIMING), strokes('123#456789\n', 8)))
      .toEqual([{ type: 'typed', reason: 'a key that is not part of a badge number' }]);
  });

  it('drops a burst whose Enter comes late, and a lone Enter', () => {
    const detector = new WedgeScanDetector(TIMING);
    const late = [...strokes('12345678', 8, 1_000), { key: 'enter', atMs: 1_200 } as const];
    expect(outcomes(detector, late)).toEqual([{ type: 'typed', reason: 'Enter came after a pause' }]);
    expect(outcomes(detector, strokes('\n', 8, 5_000))).toEqual([{ type: 'typed', reason: 'Enter came after a pause' }]);
  });

  it('accepts two scans back to back', () => {
    const detector = new WedgeScanDetector(TIMING);
    expect(outcomes(detector, [...strokes('111111\n', 5, 1_000), ...strokes('222222\n', 5, 1_035)]))
      .toEqual([{ type: 'scan', text: '111111' }, { type: 'scan', text: '222222' }]);
  });

  it('forgets a run in progress on reset: its characters do not make up the next one', () => {
    const detector = new WedgeScanDetector(TIMING);
    outcomes(detector, strokes('1234', 5, 1_000));
    detector.reset();
    // Without the reset, 1234 and 56 would be one six-character scan.
    expect(outcomes(detector, strokes('56\n', 5, 1_020))).toEqual([{ type: 'typed', reason: 'fewer than 6 characters' }]);
  });
});
