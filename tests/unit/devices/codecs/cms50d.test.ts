import { describe, expect, it } from 'vitest';
import { Cms50dDecoder, encodeCms50dFrame, type Cms50dFrame } from '../../../../devices/codecs/cms50d';

const hex = (text: string): Uint8Array => Uint8Array.from(text.split(' '), (byte) => parseInt(byte, 16));
const decodeAll = (...chunks: Uint8Array[]) => {
  const decoder = new Cms50dDecoder();
  return chunks.flatMap((chunk) => decoder.push(chunk)).map((r) => (r.ok ? r.value : r.error));
};
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

// atbrask/CMS50Dplus, as quoted in protocols.md.
const PUBLIC_VECTOR = hex('85 32 08 48 62');
const PUBLIC_FRAME: Cms50dFrame = {
  signal: 5, fingerOut: false, spo2Dropping: false, beep: false, pleth: 0x32, bar: 8,
  probeError: false, searching: false, pulsePerMinute: 72, spo2Percent: 98,
};
const CUT_SHORT = /CMS50D: frame cut short after \d of 5 bytes/;
const STRAY = 'CMS50D: bytes outside a frame, skipped up to the next sync byte';

describe('Cms50dDecoder', () => {
  it('decodes the public vector: pulse 72, SpO2 98', () => {
    expect(decodeAll(PUBLIC_VECTOR)).toEqual([PUBLIC_FRAME]);
  });

  it('reads the flags of byte 0', () => {
    expect(decodeAll(hex('F3 00 00 48 62'))).toMatchObject([{ signal: 3, fingerOut: true, spo2Dropping: true, beep: true }]);
  });

  it('reads "finger out": the flag, and no values (255 and 127 on the wire) as null', () => {
    expect(decodeAll(hex('90 00 60 7F 7F'))).toMatchObject([
      { fingerOut: true, searching: true, pulsePerMinute: null, spo2Percent: null },
    ]);
  });

  it('reads "searching" with the finger in, values absent', () => {
    expect(decodeAll(hex('84 10 63 7F 7F'))).toMatchObject([
      { fingerOut: false, searching: true, bar: 3, pulsePerMinute: null, spo2Percent: null },
    ]);
  });

  it('reads a probe error and keeps whatever values came with it', () => {
    expect(decodeAll(hex('80 00 10 48 62'))).toMatchObject([{ probeError: true, pulsePerMinute: 72, spo2Percent: 98 }]);
  });

  it('takes pulse-rate bit 7 from byte 2: a pulse over 127', () => {
    expect(decodeAll(hex('85 32 48 0C 61'))).toMatchObject([{ bar: 8, pulsePerMinute: 140, spo2Percent: 97 }]);
    expect(decodeAll(hex('85 32 48 7E 61'))).toMatchObject([{ pulsePerMinute: 254 }]);
  });

  it('treats only 255 as no pulse and only 127 as no SpO2', () => {
    expect(decodeAll(hex('85 00 00 7F 62'))).toMatchObject([{ pulsePerMinute: 127, spo2Percent: 98 }]);
    expect(decodeAll(hex('85 00 40 7F 7E'))).toMatchObject([{ pulsePerMinute: null, spo2Percent: 126 }]);
    expect(decodeAll(hex('85 00 00 00 00'))).toMatchObject([{ pulsePerMinute: 0, spo2Percent: 0 }]);
  });

  it('decodes frames split across chunks at every offset', () => {
    const wire = concat(PUBLIC_VECTOR, hex('85 32 48 0C 61'));
    for (let first = 0; first <= wire.length; first++) {
      for (let second = first; second <= wire.length; second++) {
        const chunks = [wire.subarray(0, first), wire.subarray(first, second), wire.subarray(second)];
        expect(decodeAll(...chunks)).toMatchObject([{ pulsePerMinute: 72 }, { pulsePerMinute: 140 }]);
      }
    }
  });

  it('decodes a stream fed one byte at a time', () => {
    const wire = concat(PUBLIC_VECTOR, PUBLIC_VECTOR, PUBLIC_VECTOR);
    expect(decodeAll(...[...wire].map((byte) => Uint8Array.of(byte)))).toEqual([PUBLIC_FRAME, PUBLIC_FRAME, PUBLIC_FRAME]);
  });

  it('skips bytes before the first sync byte silently: it joined the stream mid-frame', () => {
    expect(decodeAll(hex('32 08 48 62'), PUBLIC_VECTOR)).toEqual([PUBLIC_FRAME]);
  });

  it('reports a run of stray bytes between frames once, and decodes the next frame', () => {
    expect(decodeAll(concat(PUBLIC_VECTOR, hex('01 02 03 7F 00'), hex('11 22'), PUBLIC_VECTOR))).toEqual([
      PUBLIC_FRAME, STRAY, PUBLIC_FRAME,
    ]);
  });

  it('drops a frame cut short by a new sync byte, reports it, and reads the new frame', () => {
    expect(decodeAll(hex('85 32 08'), PUBLIC_VECTOR)).toEqual(['CMS50D: frame cut short after 3 of 5 bytes', PUBLIC_FRAME]);
    expect(decodeAll(hex('85'), PUBLIC_VECTOR)).toEqual(['CMS50D: frame cut short after 1 of 5 bytes', PUBLIC_FRAME]);
  });

  it('resynchronises after garbage full of sync bytes', () => {
    const results = decodeAll(concat(PUBLIC_VECTOR, hex('FF C0 01 FE 02 03 04 05 06 80'), PUBLIC_VECTOR));
    expect(results[0]).toEqual(PUBLIC_FRAME);
    expect(results.at(-1)).toEqual(PUBLIC_FRAME);
    // FF and C0 are cut short; FE 02 03 04 05 happens to be frame-shaped; 06 is stray; 80 is cut short.
    expect(results.slice(1, -1)).toEqual([
      expect.stringMatching(CUT_SHORT), expect.stringMatching(CUT_SHORT), expect.objectContaining({ signal: 14 }),
      STRAY, expect.stringMatching(CUT_SHORT),
    ]);
  });

  it('holds no more than one partial frame however long the garbage: one report, then the next frame', () => {
    const decoder = new Cms50dDecoder();
    decoder.push(PUBLIC_VECTOR);
    const garbage = new Uint8Array(100_000).fill(0x2a);
    expect(decoder.push(garbage).map((r) => (r.ok ? r.value : r.error))).toEqual([STRAY]);
    expect(decoder.push(PUBLIC_VECTOR)).toEqual([{ ok: true, value: PUBLIC_FRAME }]);
  });

  it('keeps a truncated frame at the end of a chunk pending, and forgets it on reset', () => {
    const decoder = new Cms50dDecoder();
    expect(decoder.push(hex('85 32 08'))).toEqual([]);
    decoder.reset();
    // After a reset the tail of the old frame is stray bytes of a new connection: skipped silently.
    expect(decoder.push(hex('48 62'))).toEqual([]);
    expect(decoder.push(PUBLIC_VECTOR)).toEqual([{ ok: true, value: PUBLIC_FRAME }]);
  });
});

describe('encodeCms50dFrame', () => {
  it('puts the public vector on the wire', () => {
    expect(encodeCms50dFrame(PUBLIC_FRAME)).toEqual(PUBLIC_VECTOR);
    expect(encodeCms50dFrame({ signal: 5, pleth: 0x32, bar: 8, pulsePerMinute: 72, spo2Percent: 98 })).toEqual(PUBLIC_VECTOR);
  });

  it('sends "no value" as 255 and 127, and round-trips every field', () => {
    const frames: Cms50dFrame[] = [
      { ...PUBLIC_FRAME, fingerOut: true, searching: true, signal: 0, pulsePerMinute: null, spo2Percent: null },
      { ...PUBLIC_FRAME, probeError: true, beep: true, spo2Dropping: true, pulsePerMinute: 254, spo2Percent: 0 },
      { ...PUBLIC_FRAME, bar: 15, signal: 15, pleth: 127, pulsePerMinute: 128, spo2Percent: 126 },
    ];
    expect([...encodeCms50dFrame(frames[0]!)]).toEqual([0x90, 0x32, 0x68, 0x7f, 0x7f]);
    expect(decodeAll(concat(...frames.map(encodeCms50dFrame)))).toEqual(frames);
  });

  it('refuses values the wire cannot carry instead of wrapping them', () => {
    expect(() => encodeCms50dFrame({ pulsePerMinute: 255, spo2Percent: 98 })).toThrow(RangeError);
    expect(() => encodeCms50dFrame({ pulsePerMinute: 72, spo2Percent: 127 })).toThrow(RangeError);
    expect(() => encodeCms50dFrame({ pulsePerMinute: 72.5, spo2Percent: 98 })).toThrow(RangeError);
    expect(() => encodeCms50dFrame({ signal: 16, pulsePerMinute: 72, spo2Percent: 98 })).toThrow(RangeError);
  });
});
