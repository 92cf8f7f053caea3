/**
 * ESC/POS commands a receipt printer driver needs (Epson's ESC/POS reference; the common subset that
 * compatible printers share). Builders return the bytes to write; nothing here touches a transport.
 */

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** A byte parameter: a caller passing 300 lines is a bug, and wrapping it would print something else. */
function byteParameter(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`ESC/POS ${name} must be 0–255`);
  return value;
}

/** `ESC @`: clears the print buffer and resets every mode (bold, size, alignment, code page) to its default. */
export const initialize = (): Uint8Array => Uint8Array.of(ESC, 0x40);

/** `ESC E n`: bold on or off. */
export const bold = (on: boolean): Uint8Array => Uint8Array.of(ESC, 0x45, on ? 1 : 0);

/** `GS ! n`: double width and double height together, or normal size. */
export const doubleSize = (on: boolean): Uint8Array => Uint8Array.of(GS, 0x21, on ? 0x11 : 0x00);

export type Alignment = 'left' | 'centre' | 'right';
const ALIGNMENTS: readonly Alignment[] = ['left', 'centre', 'right'];

/** `ESC a n`: alignment of the lines that follow; it takes effect at the start of a line. */
export const align = (alignment: Alignment): Uint8Array => Uint8Array.of(ESC, 0x61, ALIGNMENTS.indexOf(alignment));

/** `LF` prints the line and feeds one; for more, `ESC d n` prints and feeds n lines. */
export const lineFeed = (lines = 1): Uint8Array =>
  lines === 1 ? Uint8Array.of(LF) : Uint8Array.of(ESC, 0x64, byteParameter('line count', lines));

/**
 * `GS V m n` (function B, m = 65 full or 66 partial, n = 0): feeds the paper up to the cutter, then cuts.
 * Function A (`GS V 0`) cuts where the paper stands, through the last lines printed, as the cutter sits
 * below the print head.
 */
export const cut = (mode: 'full' | 'partial' = 'partial'): Uint8Array =>
  Uint8Array.of(GS, 0x56, mode === 'full' ? 0x41 : 0x42, 0);

/** Concatenates commands and text into what is written to the printer. */
export function joinCommands(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
