import { it } from 'vitest';
import { BODY_SITES, type Temperature } from '../../../../common/measurements';
import { decodeFloat, encodeFloat } from '../../../../devices/codecs/ieee11073';
import { decodeTemperatureMeasurement, encodeTemperatureMeasurement } from '../../../../devices/codecs/temperature-measurement';
import { check, checkSame, FUZZ_TIMEOUT_MS, fuzzFrame, isTimeStamp, randomTime, runFuzz, timeOf, type Prng } from './fuzz';

// Computed here from the specification, apart from the codec. Readers ignore bytes after the known fields.
const minimumLength = (flags: number): number => 5 + (flags & 0x02 ? 7 : 0) + (flags & 0x04 ? 1 : 0);
/** The largest FLOAT magnitude, 2^23·10^127; Fahrenheit to Celsius scales it by 5/9. */
const FLOAT_MAX = 2 ** 23 * 1e127;
/** Fahrenheit converted to Celsius (to 0.01) loses what a 24-bit mantissa cannot hold again. */
const FAHRENHEIT_ROUND_TRIP = { relative: 1e-6, absolute: 0.01 };

/** The exponent of the most precise FLOAT for a value: the resolution to re-encode a decoded value at. */
const exponentOf = (celsius: number): number => encodeFloat(celsius) >> 24;

function validFrame(rng: Prng): Uint8Array {
  const value = decodeFloat(rng.next());
  const celsius = value.ok ? value.value : 37;
  return encodeTemperatureMeasurement({
    celsius, exponent: exponentOf(celsius), fahrenheit: rng.chance(0.2),
    takenAt: rng.chance(0.5) ? randomTime(rng) : undefined, site: rng.chance(0.5) ? rng.pick(BODY_SITES) : undefined,
  });
}

function checkAccepted(bytes: Uint8Array, t: Temperature): void {
  const flags = bytes[0] ?? 0;
  check(bytes.length >= minimumLength(flags), () => `accepted ${bytes.length} bytes with flags ${flags}`);
  check(Number.isFinite(t.celsius) && Math.abs(t.celsius) <= FLOAT_MAX, () => `${t.celsius} °C out of range`);
  check(t.site === null || BODY_SITES.includes(t.site), () => `unknown site ${t.site}`);
  check((t.site !== null) === ((flags & 0x04) !== 0), () => 'site presence differs from its flag');
  check(isTimeStamp(t.takenAt) && (t.takenAt === null || (flags & 0x02) !== 0), () => `bad time stamp ${t.takenAt}`);

  const again = decodeTemperatureMeasurement(encodeTemperatureMeasurement({
    celsius: t.celsius, exponent: exponentOf(t.celsius), takenAt: timeOf(t.takenAt), site: t.site ?? undefined,
  }));
  checkSame(again, { ok: true, value: t }, 're-encoded', flags & 0x01 ? FAHRENHEIT_ROUND_TRIP : undefined);
}

it('decodes 100,000 random and mutated frames: no exception, no invalid reading accepted', () => {
  runFuzz('temperature measurement', (rng) => fuzzFrame(rng, validFrame), (bytes) => {
    const result = decodeTemperatureMeasurement(bytes);
    if (result.ok) checkAccepted(bytes, result.value);
    else check(typeof result.error === 'string' && result.error.length > 0, () => 'an error without a reason');
    return result.ok;
  });
}, FUZZ_TIMEOUT_MS);
