import { it } from 'vitest';
import {
  decodeErrorCause, decodeOfflineCause, decodePaperSensor, decodePrinterStatus, encodeErrorCause, encodeOfflineCause,
  encodePaperSensor, encodePrinterStatus,
} from '../../../../devices/codecs/escpos-status';
import { CODE_PAGE_HIGH_HALVES, encodeText, type CodePage } from '../../../../devices/codecs/escpos-text';
import { check, checkSame, FUZZ_TIMEOUT_MS, runFuzz, type Prng } from './fuzz';

const PAGES: readonly CodePage[] = ['pc850', 'pc858'];
// Where random text draws its characters from: what a receipt may carry, and what it must survive.
const RANGES: ReadonlyArray<[number, number]> = [
  [0x20, 0x7e], [0x00, 0x1f], [0x7f, 0x9f], [0xa0, 0x17f], // ASCII, controls, C1 controls, Latin-1 and Latin Extended-A
  [0x300, 0x36f], [0x600, 0x6ff], [0x2000, 0x206f], [0x20ac, 0x20ac], // combining marks, Arabic, punctuation, €
  [0x4e00, 0x4e80], [0xd800, 0xdfff], [0x1f600, 0x1f64f], // Chinese, lone surrogates, emoji
];

function randomText(rng: Prng): string {
  return Array.from({ length: rng.below(24) }, () => {
    const [low, high] = rng.pick(RANGES);
    return String.fromCodePoint(low + rng.below(high - low + 1));
  }).join('');
}

/** Bytes back to text through the code page: what the printer prints. */
const printed = (bytes: Uint8Array, page: CodePage): string =>
  [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : CODE_PAGE_HIGH_HALVES[page][b - 0x80])).join('');

it('encodes 100,000 random texts: never a control byte but line feed, and what the page has prints as itself', () => {
  runFuzz('ESC/POS text', (rng) => ({ text: randomText(rng), page: rng.pick(PAGES) }), ({ text, page }) => {
    const { bytes, unprintable } = encodeText(text, page);
    check(bytes.every((b) => b >= 0x20 || b === 0x0a) && !bytes.includes(0x7f), () => 'a control byte went out');
    check(unprintable <= bytes.filter((b) => b === 0x3f).length, () => 'more unprintable characters than `?` printed');
    const normalized = text.normalize('NFC');
    const plain = [...normalized].every((c) => /^[\x20-\x7e\n]$/.test(c) || CODE_PAGE_HIGH_HALVES[page].includes(c));
    if (plain) check(printed(bytes, page) === normalized && unprintable === 0, () => 'printable text printed differently');
    return unprintable === 0;
  });
}, FUZZ_TIMEOUT_MS);

it('reads 100,000 random status answers: accepted only with the fixed bits, and re-encoded to the same status', () => {
  const decoders = [
    [decodePrinterStatus, encodePrinterStatus], [decodeOfflineCause, encodeOfflineCause],
    [decodeErrorCause, encodeErrorCause], [decodePaperSensor, encodePaperSensor],
  ] as const;
  runFuzz('ESC/POS DLE EOT status', (rng) => Uint8Array.of(rng.below(256), rng.below(4)), ([byte = 0, which = 0]) => {
    const [decode, encode] = decoders[which] ?? decoders[0];
    const result = decode(byte);
    check(result.ok === ((byte & 0x93) === 0x12), () => `0x${byte.toString(16)} ${result.ok ? 'accepted' : 'refused'}`);
    if (result.ok) checkSame(decode(encode(result.value as never)), result, 're-encoded');
    return result.ok;
  });
}, FUZZ_TIMEOUT_MS);
