import { fail, ok, type Result } from '../common/result';

/**
 * A minimal PDF writer (PDF 1.4): A4 pages of plain lines in Helvetica, one of the standard fonts every
 * PDF reader has, so nothing is embedded. Enough for the document printer's test page and for a receipt
 * sent to it; real documents come ready-made as PDF. Helvetica's WinAnsi encoding covers French, not
 * Arabic: a text it cannot show is refused rather than printed as question marks.
 */

const LINES_PER_PAGE = 50;
const encoder = new TextEncoder();

/** WinAnsi's characters beyond Latin-1 that French text uses; Latin-1 ones map to themselves. */
const WIN_ANSI_EXTRAS: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, '…': 0x85, 'Œ': 0x8c, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c,
};

function winAnsi(text: string): number[] | null {
  const bytes: number[] = [];
  for (const char of text) {
    const code = WIN_ANSI_EXTRAS[char] ?? char.codePointAt(0)!;
    if (code > 0xff || code < 0x20 || (code >= 0x7f && code < 0xa0 && !Object.values(WIN_ANSI_EXTRAS).includes(code))) return null;
    bytes.push(code);
  }
  return bytes;
}

/** A PDF string literal: ( ) and \ escaped, bytes above 0x7e as octal so the file stays ASCII. */
const literal = (bytes: number[]): string => `(${bytes.map((byte) => {
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
  return byte > 0x7e ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte);
}).join('')})`;

/** A PDF of `title` (larger, on the first page) and `lines`; an error value names the first line it cannot show. */
export function pdfOfLines(title: string, lines: readonly string[]): Result<Uint8Array> {
  const encoded: number[][] = [];
  for (const [index, line] of [title, ...lines].entries()) {
    const bytes = winAnsi(line);
    if (!bytes) return fail(`${index === 0 ? 'the title' : `line ${index}`} has characters a PDF in Helvetica cannot show (Arabic, for one)`);
    encoded.push(bytes);
  }
  const [titleBytes, ...body] = encoded;
  const pages: string[] = [];
  for (let first = 0; first === 0 || first < body.length; first += LINES_PER_PAGE) {
    const head = first === 0 ? `/F1 18 Tf 56 780 Td ${literal(titleBytes!)} Tj 0 -36 Td /F1 11 Tf ` : '/F1 11 Tf 56 780 Td ';
    const text = body.slice(first, first + LINES_PER_PAGE).map((line) => `${literal(line)} Tj 0 -14 Td`).join(' ');
    pages.push(`BT ${head}${text} ET`);
  }
  return ok(pdfOfPages(pages));
}

/** Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each page. */
function pdfOfPages(contents: string[]): Uint8Array {
  const pageIds = contents.map((_, index) => 4 + index * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ...contents.flatMap((content, index) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ]),
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encoder.encode(pdf);
}
