import { expect, it } from 'vitest';
import { encodeSlip, SlipDecoder } from '../../../../devices/codecs/slip';
import { check, checkSame, FUZZ_TIMEOUT_MS, fuzzSeed, mutate, Prng, runFuzz, toHex } from './fuzz';

const MAX_FRAME = 64;
const END = 0xc0;
const ESC = 0xdb;

/** The decoder's partial frame: what it holds between chunks, which must stay bounded whatever comes. */
const pending = (decoder: SlipDecoder): number => (Reflect.get(decoder, 'frame') as number[]).length;

/** Line noise rich in END and ESC, or a mutated run of valid frames. */
function chunk(rng: Prng): Uint8Array {
  if (rng.chance(0.5)) {
    return Uint8Array.from({ length: rng.below(80) }, () => (rng.chance(0.1) ? rng.pick([END, ESC, 0xdc, 0xdd]) : rng.below(256)));
  }
  const frames = Array.from({ length: 1 + rng.below(3) }, () => [...encodeSlip(rng.bytes(rng.below(MAX_FRAME + 8)))]);
  return mutate(rng, Uint8Array.from(frames.flat()));
}

it('decodes 100,000 random and mutated chunks as one stream: every frame bounded and re-encodable', () => {
  const decoder = new SlipDecoder(MAX_FRAME);
  runFuzz('SLIP stream', chunk, (bytes) => {
    const results = decoder.push(bytes);
    check(pending(decoder) <= MAX_FRAME, () => `holds ${pending(decoder)} bytes`);
    for (const result of results) {
      if (!result.ok) continue;
      check(result.value.length >= 1 && result.value.length <= MAX_FRAME, () => `a frame of ${result.value.length} bytes`);
      checkSame(new SlipDecoder(MAX_FRAME).push(encodeSlip(result.value)), [result], `re-encoded ${toHex(result.value)}`);
    }
    return results.some((result) => result.ok);
  });
}, FUZZ_TIMEOUT_MS);

it('holds at most one frame of memory through 1 MB of garbage, then decodes the next frame', () => {
  const rng = new Prng(fuzzSeed('SLIP garbage'));
  for (const garbage of [() => rng.bytes(4096).map((b) => (b === END ? 0 : b)), () => rng.bytes(4096)]) {
    const decoder = new SlipDecoder(MAX_FRAME);
    let results = 0;
    for (let sent = 0; sent < 1 << 20; sent += 4096) {
      results += decoder.push(garbage()).length;
      expect(pending(decoder)).toBeLessThanOrEqual(MAX_FRAME);
    }
    expect(results).toBeLessThanOrEqual(1 << 20);
    expect(decoder.push(encodeSlip(Uint8Array.of(1, 2, 3))).at(-1)).toEqual({ ok: true, value: Uint8Array.of(1, 2, 3) });
  }
}, FUZZ_TIMEOUT_MS);
