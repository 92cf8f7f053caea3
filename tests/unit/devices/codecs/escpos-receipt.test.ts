import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../../devices/codecs/escpos-receipt';

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const bytesOf = (parts: Uint8Array[]): number[][] => parts.map((part) => [...part]);

describe('encodeReceipt', () => {
  it('writes the set-up, the title, one part per line and the cut, each line setting its own alignment and weight', () => {
    const encoded = encodeReceipt({ title: 'Reçu', lines: [{ text: 'A', bold: true }, { text: 'B', centred: true }, { text: '' }] }, 'pc858');
    expect(encoded.unprintable).toBe(0);
    expect(bytesOf(encoded.parts)).toEqual([
      [0x1b, 0x40, 0x1b, 0x74, 19], // ESC @, ESC t 19 (PC858)
      [0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11, ...ascii('Re'), 0x87, ...ascii('u'), 0x0a, 0x1d, 0x21, 0, 0x1b, 0x45, 0],
      [0x1b, 0x61, 0, 0x1b, 0x45, 1, ...ascii('A'), 0x0a],
      [0x1b, 0x61, 1, 0x1b, 0x45, 0, ...ascii('B'), 0x0a],
      [0x1b, 0x61, 0, 0x1b, 0x45, 0, 0x0a],
      [0x1b, 0x61, 0, 0x1b, 0x45, 0, 0x1b, 0x64, 3, 0x1d, 0x56, 0x42, 0], // ESC d 3, GS V 66 0: feed, partial cut
    ]);
  });

  it('selects the profile\'s code page: the euro is EUR in PC850', () => {
    const encoded = encodeReceipt({ lines: [{ text: '5 €' }] }, 'pc850');
    expect(bytesOf(encoded.parts)[0]).toEqual([0x1b, 0x40, 0x1b, 0x74, 2]);
    expect(bytesOf(encoded.parts)[1]).toEqual([0x1b, 0x61, 0, 0x1b, 0x45, 0, ...ascii('5 EUR'), 0x0a]);
  });

  it('counts what it cannot print, and never lets text carry a command', () => {
    const encoded = encodeReceipt({ title: 'موعد', lines: [{ text: 'cut\u001dV\u0041\u0000 now\u0010\u0004\u0001' }] }, 'pc858');
    expect(encoded.unprintable).toBe(4 + 5); // four Arabic letters, five control characters
    const line = [...encoded.parts[2]!];
    expect(line).toEqual([0x1b, 0x61, 0, 0x1b, 0x45, 0, ...ascii('cut?VA? now???'), 0x0a]);
  });
});
