import { dateTimeOfIso, type GattDateTime } from '../../../../devices/codecs/gatt-date-time';
import { decodeSfloat } from '../../../../devices/codecs/ieee11073';

/**
 * Shared fuzzing for the device codecs: a seeded PRNG so that a failure replays (`FUZZ_SEED=<seed> npx
 * vitest run <file>`), random frames, and frames mutated from valid ones (bit flips, truncation, extension,
 * byte insertion and deletion, overwritten bytes, edge-value words).
 */
export const FUZZ_FRAMES = 100_000;
/**
 * Vitest's default 5 s is for unit tests: a fuzz run takes one to three seconds alone, several times that on
 * a loaded machine. The limit only catches a hang.
 */
export const FUZZ_TIMEOUT_MS = 120_000;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export class Prng {
  constructor(private state: number) {}

  /** A 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return this.next() % n;
  }

  chance(probability: number): boolean {
    return this.next() / 2 ** 32 < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.below(256));
  }
}

/** The seed from FUZZ_SEED, or a fresh one; printed either way, so that any run can be replayed. */
export function fuzzSeed(name: string): number {
  const fromEnv = Number(process.env['FUZZ_SEED']);
  const seed = Number.isInteger(fromEnv) && process.env['FUZZ_SEED'] ? fromEnv >>> 0 : Math.floor(Math.random() * 2 ** 32);
  console.log(`fuzz ${name}: seed ${seed} (replay with FUZZ_SEED=${seed})`);
  return seed;
}

/** Words at the edges of the fields: zero, all ones, the SFLOAT specials and their neighbours, sign bits. */
const INTERESTING_WORDS = [0x0000, 0xffff, 0xfffe, 0x07fd, 0x07fe, 0x07ff, 0x0800, 0x0801, 0x0802, 0x0803, 0x7fff, 0x8000, 0x00ff];

const MUTATIONS: ReadonlyArray<(rng: Prng, bytes: number[]) => void> = [
  (rng, bytes) => { // write an interesting little-endian word
    if (bytes.length >= 2) {
      const at = rng.below(bytes.length - 1);
      const word = rng.pick(INTERESTING_WORDS);
      bytes.splice(at, 2, word & 0xff, word >> 8);
    }
  },
  (rng, bytes) => { // flip one bit
    if (bytes.length) {
      const at = rng.below(bytes.length);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << rng.below(8));
    }
  },
  (rng, bytes) => { // overwrite one byte
    if (bytes.length) bytes[rng.below(bytes.length)] = rng.below(256);
  },
  (rng, bytes) => { bytes.length = rng.below(bytes.length + 1); }, // truncate
  (rng, bytes) => { bytes.push(...rng.bytes(1 + rng.below(8))); }, // extend
  (rng, bytes) => { bytes.splice(rng.below(bytes.length + 1), 0, rng.below(256)); }, // insert a byte
  (rng, bytes) => { bytes.splice(rng.below(bytes.length + 1), 1); }, // delete a byte
];

/** One to three mutations of a valid frame. */
export function mutate(rng: Prng, frame: Uint8Array): Uint8Array {
  const bytes = [...frame];
  for (let count = 1 + rng.below(3); count > 0; count--) rng.pick(MUTATIONS)(rng, bytes);
  return Uint8Array.from(bytes);
}

/** Random bytes half the time, a mutated valid frame otherwise; valid frames come from `valid(rng)`. */
export function fuzzFrame(rng: Prng, valid: (rng: Prng) => Uint8Array, maxRandomLength = 32): Uint8Array {
  return rng.chance(0.5) ? rng.bytes(rng.below(maxRandomLength + 1)) : mutate(rng, valid(rng));
}

export const toHex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

export interface FuzzFigures {
  frames: number;
  accepted: number;
}

/**
 * Runs `check` on FUZZ_FRAMES inputs (frames, chunks of a stream, texts). Whatever fails (an exception out
 * of a codec, a broken invariant) fails the test with the seed, the input's index and the input itself, so
 * that it can be replayed and kept as a vector. `check` returns whether the codec accepted the input, for
 * the figures printed at the end.
 */
export function runFuzz<T = Uint8Array>(
  name: string, generate: (rng: Prng) => T, check: (input: T) => boolean, frames = FUZZ_FRAMES,
): FuzzFigures {
  const seed = fuzzSeed(name);
  const rng = new Prng(seed);
  let accepted = 0;
  const started = performance.now();
  for (let index = 0; index < frames; index++) {
    const input = generate(rng);
    try {
      if (check(input)) accepted++;
    } catch (error) {
      const shown = input instanceof Uint8Array ? `[${toHex(input)}]` : JSON.stringify(input);
      throw new Error(`fuzz ${name}, seed ${seed}, input #${index} ${shown}: ${String(error)}`, { cause: error });
    }
  }
  console.log(`fuzz ${name}: ${frames} inputs, ${accepted} accepted, ${Math.round(performance.now() - started)} ms`);
  return { frames, accepted };
}

/** Throws when `condition` is false: cheaper than `expect` in a loop of 100,000. */
export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

/** How far two decoded numbers may differ: the last bits of a double (m/10^k computed two ways) by default. */
export interface Tolerance {
  relative: number;
  absolute: number;
}
const DOUBLE_ROUNDING: Tolerance = { relative: 1e-12, absolute: 0 };

/**
 * Deep equality in which numbers may differ by `tolerance`, for a value decoded, re-encoded and decoded
 * again. Every number must be finite: a decoder never gives NaN or Infinity as a reading.
 */
export function sameValue(actual: unknown, expected: unknown, tolerance = DOUBLE_ROUNDING): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Number.isFinite(actual) && Number.isFinite(expected)
      && Math.abs(actual - expected) <= Math.abs(expected) * tolerance.relative + tolerance.absolute;
  }
  if (actual instanceof Uint8Array && expected instanceof Uint8Array) {
    return actual.length === expected.length && actual.every((byte, i) => byte === expected[i]);
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.length === expected.length && actual.every((item, i) => sameValue(item, expected[i], tolerance));
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = Object.keys(expected);
    return Object.keys(actual).length === keys.length
      && keys.every((key) => sameValue((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tolerance));
  }
  return actual === expected;
}

/** Checks that `actual` is `expected`, up to `tolerance` for numbers, saying both when not. */
export function checkSame(actual: unknown, expected: unknown, what: string, tolerance = DOUBLE_ROUNDING): void {
  check(sameValue(actual, expected, tolerance), () => `${what}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`);
}

/** An ISO 8601 date time as the GATT codecs give it, or null. */
export const isTimeStamp = (takenAt: string | null): boolean =>
  takenAt === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(takenAt);

/** A number an SFLOAT can carry: a random non-special word, decoded. */
export function sfloatValue(rng: Prng): number {
  const value = decodeSfloat(rng.below(0x10000));
  return value.ok ? value.value : 0;
}

/** The largest SFLOAT magnitude: mantissas run from -2048 to 2047, exponents up to 7. */
export const SFLOAT_MAX = 2048e7;

/** A valid device clock reading, or the "clock not set" year 0 one time in ten. */
export const randomTime = (rng: Prng): GattDateTime => ({
  year: rng.chance(0.1) ? 0 : 1990 + rng.below(60), month: 1 + rng.below(12), day: 1 + rng.below(28),
  hours: rng.below(24), minutes: rng.below(60), seconds: rng.below(60),
});

/** The Date Time fields of a decoded time stamp, to put it back on the wire. */
export const timeOf = (takenAt: string | null): GattDateTime | undefined => (takenAt ? dateTimeOfIso(takenAt) : undefined);
