import { describe, expect, it } from 'vitest';
import { align, bold, cut, doubleSize, initialize, joinCommands, lineFeed } from '../../../../devices/codecs/escpos';
import {
  decodeErrorCause, decodeOfflineCause, decodePaperSensor, decodePrinterStatus, encodeErrorCause, encodeOfflineCause,
  encodePaperSensor, encodePrinterStatus, statusRequest,
} from '../../../../devices/codecs/escpos-status';
import { CODE_PAGE_HIGH_HALVES, encodeText, selectCodePage } from '../../../../devices/codecs/escpos-text';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const DECODERS = [decodePrinterStatus, decodeOfflineCause, decodeErrorCause, decodePaperSensor];

describe('ESC/POS commands', () => {
  it('build the bytes of the Epson reference', () => {
    expect(initialize()).toEqual(bytes(0x1b, 0x40));
    expect(bold(true)).toEqual(bytes(0x1b, 0x45, 1));
    expect(bold(false)).toEqual(bytes(0x1b, 0x45, 0));
    expect(doubleSize(true)).toEqual(bytes(0x1d, 0x21, 0x11));
    expect(doubleSize(false)).toEqual(bytes(0x1d, 0x21, 0));
    expect([align('left'), align('centre'), align('right')]).toEqual([bytes(0x1b, 0x61, 0), bytes(0x1b, 0x61, 1), bytes(0x1b, 0x61, 2)]);
    expect(lineFeed()).toEqual(bytes(0x0a));
    expect(lineFeed(3)).toEqual(bytes(0x1b, 0x64, 3));
    expect(cut()).toEqual(bytes(0x1d, 0x56, 0x42, 0));
    expect(cut('full')).toEqual(bytes(0x1d, 0x56, 0x41, 0));
    expect(selectCodePage('pc850')).toEqual(bytes(0x1b, 0x74, 2));
    expect(selectCodePage('pc858')).toEqual(bytes(0x1b, 0x74, 19));
    expect(joinCommands(initialize(), lineFeed(), cut())).toEqual(bytes(0x1b, 0x40, 0x0a, 0x1d, 0x56, 0x42, 0));
  });

  it('refuses a line count that does not fit a byte instead of wrapping it', () => {
    expect(() => lineFeed(256)).toThrow(RangeError);
    expect(() => lineFeed(-1)).toThrow(RangeError);
  });
});

describe('encodeText', () => {
  it('prints French accents in PC858, the euro sign included', () => {
    expect(encodeText('Reçu à Besançon : 12,50 €\n', 'pc858')).toEqual({
      bytes: Uint8Array.from([...'Re', 0x87, ...'u ', 0x85, ...' Besan', 0x87, ...'on : 12,50 ', 0xd5, 0x0a].flatMap(
        (part) => (typeof part === 'number' ? [part] : [part.charCodeAt(0)]),
      )),
      unprintable: 0,
    });
    expect([...encodeText('éèêëàâùûôîïÉÈÀÇ«»', 'pc858').bytes]).toEqual([
      0x82, 0x8a, 0x88, 0x89, 0x85, 0x83, 0x97, 0x96, 0x93, 0x8c, 0x8b, 0x90, 0xd4, 0xb7, 0x80, 0xae, 0xaf,
    ]);
  });

  it('approximates what the code page lacks: € in PC850, œ, typographic quotes and spaces', () => {
    const ascii = (text: string, page: 'pc850' | 'pc858' = 'pc850') => String.fromCharCode(...encodeText(text, page).bytes);
    expect(ascii('5 €')).toBe('5 EUR');
    // « and » are 0xAE and 0xAF; the narrow no-break space of French typography prints as a space.
    expect(ascii('Cœur l’œuf «\u202foui\u202f»')).toBe("Coeur l'oeuf \xae oui \xaf");
    expect(ascii('Ŝ—…')).toBe('S-...');
    expect(encodeText('ı', 'pc850').bytes).toEqual(bytes(0xd5)); // PC850 has the dotless i where PC858 has €
  });

  it('prints Arabic as `?` and counts it: a basic ESC/POS printer cannot shape it', () => {
    expect(encodeText('مرحبا Ali', 'pc858')).toEqual({ bytes: Uint8Array.from('????? Ali', (c) => c.charCodeAt(0)), unprintable: 5 });
    // Harakat (combining vowel marks) are dropped with their letter, not counted twice.
    expect(encodeText('مَ', 'pc858')).toEqual({ bytes: bytes(0x3f), unprintable: 1 });
  });

  it('never lets text carry a command: control characters print as `?`, line breaks stay', () => {
    expect(encodeText('a\x1bi\x1dV\x00\x10\x04\x01\x7f\u0085b\r\nc\td', 'pc858')).toEqual({
      bytes: Uint8Array.from('a?i?V??????b\nc d', (c) => c.charCodeAt(0)), unprintable: 8,
    });
  });

  it('takes text that is already decomposed (e + combining acute) as the composed letter', () => {
    expect(encodeText('e\u0301', 'pc858').bytes).toEqual(bytes(0x82));
  });

  it('has 128 characters in each code page high half', () => {
    expect([...CODE_PAGE_HIGH_HALVES.pc850]).toHaveLength(128);
    expect([...CODE_PAGE_HIGH_HALVES.pc858]).toHaveLength(128);
  });
});

describe('DLE EOT real-time status', () => {
  it('asks with 10 04 n', () => {
    expect(['printer', 'offlineCause', 'errorCause', 'paperSensor'].map((r) => [...statusRequest(r as never)])).toEqual([
      [0x10, 0x04, 1], [0x10, 0x04, 2], [0x10, 0x04, 3], [0x10, 0x04, 4],
    ]);
  });

  it('reads n=1: bit 3 offline, bit 6 paper feed button', () => {
    expect(decodePrinterStatus(0x12)).toEqual({ ok: true, value: { offline: false, paperFeedButton: false } });
    expect(decodePrinterStatus(0x1a)).toEqual({ ok: true, value: { offline: true, paperFeedButton: false } });
    expect(decodePrinterStatus(0x56)).toEqual({ ok: true, value: { offline: false, paperFeedButton: true } });
  });

  it('reads n=2: bit 2 cover open, bit 3 feed button, bit 5 stopped by paper end, bit 6 error', () => {
    expect(decodeOfflineCause(0x16)).toMatchObject({ ok: true, value: { coverOpen: true, stoppedByPaperEnd: false } });
    expect(decodeOfflineCause(0x1a)).toMatchObject({ ok: true, value: { paperFeedButton: true, coverOpen: false } });
    expect(decodeOfflineCause(0x32)).toMatchObject({ ok: true, value: { stoppedByPaperEnd: true, error: false } });
    expect(decodeOfflineCause(0x52)).toMatchObject({ ok: true, value: { error: true, coverOpen: false } });
  });

  it('reads n=3: bit 3 autocutter, bit 5 unrecoverable, bit 6 automatically recoverable', () => {
    expect(decodeErrorCause(0x1a)).toEqual({
      ok: true, value: { autocutterError: true, unrecoverableError: false, autoRecoverableError: false },
    });
    expect(decodeErrorCause(0x72)).toEqual({
      ok: true, value: { autocutterError: false, unrecoverableError: true, autoRecoverableError: true },
    });
  });

  it('reads n=4: bits 2–3 paper near end, bits 5–6 paper out, either bit of a pair', () => {
    expect(decodePaperSensor(0x12)).toEqual({ ok: true, value: { paperNearEnd: false, paperOut: false } });
    expect(decodePaperSensor(0x1e)).toEqual({ ok: true, value: { paperNearEnd: true, paperOut: false } });
    expect(decodePaperSensor(0x72)).toEqual({ ok: true, value: { paperNearEnd: false, paperOut: true } });
    expect(decodePaperSensor(0x7e)).toEqual({ ok: true, value: { paperNearEnd: true, paperOut: true } });
    expect(decodePaperSensor(0x16)).toMatchObject({ ok: true, value: { paperNearEnd: true } });
    expect(decodePaperSensor(0x32)).toMatchObject({ ok: true, value: { paperOut: true } });
  });

  it('refuses a byte whose fixed bits are wrong (bit 1 and 4 set, bits 0 and 7 clear)', () => {
    for (const byte of [0x00, 0xff, 0x13, 0x92, 0x10, 0x02, 0x7f]) {
      for (const decode of DECODERS) expect(decode(byte)).toMatchObject({ ok: false, error: expect.stringMatching(/fixed bits/) });
    }
    expect(decodePaperSensor(0x13)).toEqual({ ok: false, error: 'ESC/POS paperSensor status: 0x13 lacks the fixed bits of a status byte' });
  });

  it('accepts exactly the 16 bytes with the fixed pattern, and refuses what is not a byte', () => {
    for (const decode of DECODERS) {
      const accepted = Array.from({ length: 256 }, (_, byte) => byte).filter((byte) => decode(byte).ok);
      expect(accepted).toHaveLength(16);
      expect(accepted.every((byte) => (byte & 0x93) === 0x12)).toBe(true);
      for (const notAByte of [-1, 256, 1.5, Number.NaN]) expect(decode(notAByte).ok).toBe(false);
    }
  });

  it('puts every status it reads back on the wire as a byte that reads the same', () => {
    for (let byte = 0; byte < 256; byte++) {
      const printer = decodePrinterStatus(byte);
      if (printer.ok) expect(decodePrinterStatus(encodePrinterStatus(printer.value))).toEqual(printer);
      const offline = decodeOfflineCause(byte);
      if (offline.ok) expect(decodeOfflineCause(encodeOfflineCause(offline.value))).toEqual(offline);
      const error = decodeErrorCause(byte);
      if (error.ok) expect(decodeErrorCause(encodeErrorCause(error.value))).toEqual(error);
      const paper = decodePaperSensor(byte);
      if (paper.ok) expect(decodePaperSensor(encodePaperSensor(paper.value))).toEqual(paper);
    }
    expect(encodePaperSensor({ paperNearEnd: true, paperOut: true })).toBe(0x7e);
  });
});
