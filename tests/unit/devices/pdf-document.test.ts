import { describe, expect, it } from 'vitest';
import { pdfOfLines } from '../../../devices/pdf-document';

const text = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

describe('the minimal PDF writer', () => {
  it('writes a PDF 1.4 whose cross-reference table points at each object', () => {
    const pdf = pdfOfLines('Borne', ['Accents : é à ç €', 'Parenthèses (et \\ barre)']);
    if (!pdf.ok) throw new Error(pdf.error);
    const body = text(pdf.value);
    expect(body.startsWith('%PDF-1.4\n')).toBe(true);
    expect(body.trimEnd().endsWith('%%EOF')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(body)![1]);
    expect(body.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...body.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(body.slice(offset)).toMatch(new RegExp(`^${index + 1} 0 obj\\n`)));
    // Escaped as PDF strings, in WinAnsi: é is \351, € is \200, ( ) and \ are escaped.
    expect(body).toContain('(Accents : \\351 \\340 \\347 \\200) Tj');
    expect(body).toContain('(Parenth\\350ses \\(et \\\\ barre\\)) Tj');
  });

  it('puts fifty lines on a page and the rest on the next', () => {
    const pdf = pdfOfLines('Borne', Array.from({ length: 120 }, (_, i) => `line ${i}`));
    expect(pdf.ok && /\/Count 3 >>/.test(text(pdf.value))).toBe(true);
  });

  it('refuses Arabic, naming the line, rather than printing question marks', () => {
    expect(pdfOfLines('Borne', ['Bonjour', 'مرحبا'])).toEqual({
      ok: false, error: 'line 2 has characters a PDF in Helvetica cannot show (Arabic, for one)',
    });
  });
});
