import { it } from 'vitest';
import { decodeFloat, encodeFloat } from '../../../../devices/codecs/ieee11073';
import { check, checkSame, FUZZ_TIMEOUT_MS, runFuzz } from './fuzz';

const SPECIAL_WORDS = new Set([0x007fffff, 0x00800000, 0x007ffffe, 0x00800002, 0x00800001]);
/** Half random words, half words near the special ones and the mantissa edges, where encoders go wrong. */
const EDGES = [0x007ffff0, 0x00800000, 0xff7ffff0, 0x01800000, 0x7f7ffff0, 0x80800000];

// SFLOAT is checked over all its 65,536 words in ieee11073.test.ts; FLOAT has 2^32, so it is sampled.
it('decodes 100,000 random FLOAT words: specials by name only, every number re-encoded to a word of the same number', () => {
  runFuzz('IEEE 11073 FLOAT', (rng) => {
    const word = rng.chance(0.5) ? rng.next() : ((rng.pick(EDGES) + rng.below(32)) >>> 0);
    return Uint8Array.of(word & 0xff, (word >>> 8) & 0xff, (word >>> 16) & 0xff, word >>> 24);
  }, (bytes) => {
    const word = new DataView(bytes.buffer).getUint32(0, true);
    const decoded = decodeFloat(word);
    check(decoded.ok !== SPECIAL_WORDS.has(word), () => `0x${word.toString(16)} is ${JSON.stringify(decoded)}`);
    if (!decoded.ok) return false;
    const again = encodeFloat(decoded.value);
    check(!SPECIAL_WORDS.has(again), () => `${decoded.value} re-encodes to the special word 0x${again.toString(16)}`);
    checkSame(decodeFloat(again), decoded, 're-encoded');
    return true;
  });
}, FUZZ_TIMEOUT_MS);
