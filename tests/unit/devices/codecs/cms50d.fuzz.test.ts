import { expect, it } from 'vitest';
import { Cms50dDecoder, encodeCms50dFrame, type Cms50dFrame } from '../../../../devices/codecs/cms50d';
import { check, checkSame, FUZZ_TIMEOUT_MS, fuzzSeed, mutate, Prng, runFuzz } from './fuzz';

/** The decoder's partial frame: what it holds between chunks, which must stay below one frame. */
const pending = (decoder: Cms50dDecoder): number => (Reflect.get(decoder, 'frame') as number[]).length;
const inRange = (value: number | null, max: number): boolean => value === null || (Number.isInteger(value) && value >= 0 && value <= max);

function validFrame(rng: Prng): Uint8Array {
  return encodeCms50dFrame({
    signal: rng.below(16), fingerOut: rng.chance(0.2), spo2Dropping: rng.chance(0.2), beep: rng.chance(0.2),
    pleth: rng.below(128), bar: rng.below(16), probeError: rng.chance(0.1), searching: rng.chance(0.2),
    pulsePerMinute: rng.chance(0.1) ? null : rng.below(255), spo2Percent: rng.chance(0.1) ? null : rng.below(127),
  });
}

/** Line noise, or a mutated run of valid frames. */
function chunk(rng: Prng): Uint8Array {
  if (rng.chance(0.5)) return rng.bytes(rng.below(40));
  return mutate(rng, Uint8Array.from(Array.from({ length: 1 + rng.below(4) }, () => [...validFrame(rng)]).flat()));
}

function checkFrame(frame: Cms50dFrame): void {
  check(inRange(frame.signal, 15) && inRange(frame.pleth, 127) && inRange(frame.bar, 15), () => 'a waveform field out of range');
  check(inRange(frame.pulsePerMinute, 254) && inRange(frame.spo2Percent, 126), () => 'a value out of range');
  checkSame(new Cms50dDecoder().push(encodeCms50dFrame(frame)), [{ ok: true, value: frame }], 're-encoded');
}

it('decodes 100,000 random and mutated chunks as one stream: every frame in range and re-encodable', () => {
  const decoder = new Cms50dDecoder();
  runFuzz('CMS50D stream', chunk, (bytes) => {
    const results = decoder.push(bytes);
    check(pending(decoder) < 5, () => `holds ${pending(decoder)} bytes`);
    for (const result of results) if (result.ok) checkFrame(result.value);
    return results.some((result) => result.ok);
  });
}, FUZZ_TIMEOUT_MS);

it('holds less than one frame through 1 MB of garbage, then decodes the next frame', () => {
  const rng = new Prng(fuzzSeed('CMS50D garbage'));
  const decoder = new Cms50dDecoder();
  for (let sent = 0; sent < 1 << 20; sent += 4096) {
    for (const result of decoder.push(rng.bytes(4096))) if (result.ok) checkFrame(result.value);
    expect(pending(decoder)).toBeLessThan(5);
  }
  const frame = validFrame(rng);
  expect(decoder.push(Uint8Array.of(...frame, 0x80)).filter((result) => result.ok)).toHaveLength(1);
}, FUZZ_TIMEOUT_MS);
