/**
 * Text for an ESC/POS printer, in a code page every Epson-compatible printer has. French needs é è ê à ç
 * ù ô î ï ë œ « » and €: PC850 (ESC t 2) has all but œ and €; PC858 (ESC t 19) is PC850 with € in place of
 * the dotless ı. Characters a code page lacks are approximated (œ → oe, ’ → ', € → EUR on PC850, ŝ → s),
 * and what has no approximation is printed as `?` and counted, so that the driver can report it.
 *
 * Arabic cannot be printed this way: a basic printer has no Arabic font in ROM (CP864 and CP720 are on some
 * models only), and Arabic needs contextual letter shaping and right-to-left ordering, which ESC/POS leaves
 * to the host. Each Arabic letter becomes `?` and is counted in `unprintable`; a caller that finds any
 * prints the receipt in French instead, or sends the document to the document printer, which renders it.
 */

export type CodePage = 'pc850' | 'pc858';

/** `ESC t n` numbers, from Epson's code page table. */
const CODE_PAGE_NUMBERS: Readonly<Record<CodePage, number>> = { pc850: 2, pc858: 19 };

/** The characters of bytes 0x80–0xFF. */
const PC850_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ'
  + 'áíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐'
  + '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀'
  + 'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
const EURO_IN_PC858 = 0xd5;
export const CODE_PAGE_HIGH_HALVES: Readonly<Record<CodePage, string>> = {
  pc850: PC850_HIGH,
  pc858: PC850_HIGH.slice(0, EURO_IN_PC858 - 0x80) + '€' + PC850_HIGH.slice(EURO_IN_PC858 - 0x80 + 1),
};

const tableOf = (high: string): ReadonlyMap<string, number> => new Map([...high].map((char, i) => [char, 0x80 + i]));
const tables: Readonly<Record<CodePage, ReadonlyMap<string, number>>> = {
  pc850: tableOf(CODE_PAGE_HIGH_HALVES.pc850),
  pc858: tableOf(CODE_PAGE_HIGH_HALVES.pc858),
};

/** Approximations for characters that French text carries and the code pages lack. */
const APPROXIMATIONS: Readonly<Record<string, string>> = {
  'œ': 'oe', 'Œ': 'OE', 'Ÿ': 'Y', '€': 'EUR', '\t': ' ', '\r': '',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"', '„': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '−': '-', '…': '...',
  // Narrow and thin spaces: the narrow no-break space goes before « » : ; ! ? in French typography.
  '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u2002': ' ', '\u2003': ' ',
};

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;
const COMBINING_MARK = /^\p{M}$/u;
const REPLACEMENT = 0x3f; // '?'

/** `ESC t n`: the code page that bytes 0x80–0xFF print in. */
export const selectCodePage = (page: CodePage): Uint8Array => Uint8Array.of(0x1b, 0x74, CODE_PAGE_NUMBERS[page]);

export interface EncodedText {
  bytes: Uint8Array;
  /** Characters printed as `?`: no glyph in the code page and no approximation (Arabic, Chinese, emoji…). */
  unprintable: number;
}

/** A character as bytes of the code page, or undefined when it has none. */
function charBytes(char: string, table: ReadonlyMap<string, number>): number[] | undefined {
  if (char === '\n') return [0x0a];
  if (PRINTABLE_ASCII.test(char)) return [char.charCodeAt(0)];
  const byte = table.get(char);
  if (byte !== undefined) return [byte];
  const approximation = APPROXIMATIONS[char];
  if (approximation !== undefined) return approximation.split('').flatMap((c) => charBytes(c, table) ?? [REPLACEMENT]);
  // A letter with an accent the code page lacks prints as its base letter: ŝ → s, ǎ → a.
  const base = char.normalize('NFD')[0];
  return base !== undefined && base !== char && !COMBINING_MARK.test(base) ? charBytes(base, table) : undefined;
}

/**
 * Encodes text for the code page selected with `selectCodePage`. Never throws, whatever the string. Line
 * breaks stay line feeds; every other control character is printed as `?`, so text can never smuggle a
 * command (an ESC, a GS V cut, a DLE) to the printer. Stray combining marks are dropped.
 */
export function encodeText(text: string, page: CodePage): EncodedText {
  const table = tables[page];
  const bytes: number[] = [];
  let unprintable = 0;
  for (const char of text.normalize('NFC')) {
    const encoded = charBytes(char, table);
    if (encoded) bytes.push(...encoded);
    else if (!COMBINING_MARK.test(char)) {
      bytes.push(REPLACEMENT);
      unprintable++;
    }
  }
  return { bytes: Uint8Array.from(bytes), unprintable };
}
