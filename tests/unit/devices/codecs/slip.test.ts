import { describe, expect, it } from 'vitest';
import { encodeSlip, SlipDecoder } from '../../../../devices/codecs/slip';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const frames = (results: ReturnType<SlipDecoder['push']>) => results.map((r) => (r.ok ? [...r.value] : r.error));

describe('encodeSlip', () => {
  it('escapes END and ESC and surrounds the frame with END', () => {
    expect([...encodeSlip(bytes(0x01, 0xc0, 0xdb, 0x02))]).toEqual([0xc0, 0x01, 0xdb, 0xdc, 0xdb, 0xdd, 0x02, 0xc0]);
  });
});

describe('SlipDecoder', () => {
  const packet = bytes(0x1c, 0x2a, 0xc0, 0xdb, 0x00, 0xff);

  it('decodes a frame fed one byte at a time', () => {
    const decoder = new SlipDecoder(64);
    const results = [...encodeSlip(packet)].flatMap((byte) => decoder.push(bytes(byte)));
    expect(frames(results)).toEqual([[...packet]]);
  });

  it('decodes a frame split at every possible point', () => {
    const wire = encodeSlip(packet);
    for (let cut = 0; cut <= wire.length; cut++) {
      const decoder = new SlipDecoder(64);
      const results = [...decoder.push(wire.subarray(0, cut)), ...decoder.push(wire.subarray(cut))];
      expect(frames(results)).toEqual([[...packet]]);
    }
  });

  it('returns several frames from one chunk, in order, and drops empty ones', () => {
    const decoder = new SlipDecoder(64);
    const results = decoder.push(bytes(0xc0, 0xc0, 0x01, 0xc0, 0xc0, 0xc0, 0x02, 0x03, 0xc0));
    expect(frames(results)).toEqual([[0x01], [0x02, 0x03]]);
  });

  it('reports a bad escape once, skips that frame and decodes the next', () => {
    const decoder = new SlipDecoder(64);
    const results = decoder.push(bytes(0x01, 0xdb, 0x41, 0x02, 0xc0, 0x03, 0xc0));
    expect(frames(results)).toEqual(['SLIP: ESC followed by 0x41', [0x03]]);
  });

  it('reports an END right after ESC and starts afresh after it', () => {
    const decoder = new SlipDecoder(64);
    const results = decoder.push(bytes(0x01, 0xdb, 0xc0, 0x03, 0xc0));
    expect(frames(results)).toEqual(['SLIP: frame ends right after ESC', [0x03]]);
  });

  it('reports an oversize frame once and resynchronises on the next END', () => {
    const decoder = new SlipDecoder(4);
    const results = [...decoder.push(bytes(1, 2, 3, 4, 5, 6, 7)), ...decoder.push(bytes(8, 0xc0, 9, 0xc0))];
    expect(frames(results)).toEqual(['SLIP: frame longer than 4 bytes', [9]]);
  });

  it('accepts a frame of exactly the maximum size', () => {
    expect(frames(new SlipDecoder(4).push(bytes(1, 2, 3, 4, 0xc0)))).toEqual([[1, 2, 3, 4]]);
  });

  it('forgets a partial frame on reset', () => {
    const decoder = new SlipDecoder(64);
    decoder.push(bytes(0x01, 0x02));
    decoder.reset();
    expect(frames(decoder.push(bytes(0x03, 0xc0)))).toEqual([[0x03]]);
  });
});
