import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../fleet/server/stats/csv';

describe('statistics CSV', () => {
  it('quotes a cell with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses text a spreadsheet would run as a formula, and only text', () => {
    for (const risky of ['=1+1', '+33 1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(risky)).toMatch(/^"?'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('ends every line, the last one too, with CRLF', () => {
    expect(csvText([['day', 'visits'], ['2026-12-01', 3]])).toBe('day,visits\r\n2026-12-01,3\r\n');
  });
});
