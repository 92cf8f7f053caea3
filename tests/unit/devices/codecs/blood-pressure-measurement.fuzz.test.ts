import { it } from 'vitest';
import {
  decodeBloodPressureMeasurement, encodeBloodPressureMeasurement, type BloodPressureMeasurement,
} from '../../../../devices/codecs/blood-pressure-measurement';
import {
  check, checkSame, FUZZ_TIMEOUT_MS, fuzzFrame, isTimeStamp, randomTime, runFuzz, SFLOAT_MAX, sfloatValue, timeOf, type Prng,
} from './fuzz';

/** mmHg in a kPa: the largest pressure a kPa frame can carry is SFLOAT_MAX times this. */
const MMHG_PER_KPA = 7.50062;
/** A kPa reading converted to mmHg (to 0.01) and back loses up to one SFLOAT step (1/205 at worst). */
const KPA_ROUND_TRIP = { relative: 0.003, absolute: 0.01 };

// Computed here from the specification, apart from the codec, so that the two disagree if one is wrong.
const expectedLength = (flags: number): number =>
  7 + (flags & 0x02 ? 7 : 0) + (flags & 0x04 ? 2 : 0) + (flags & 0x08 ? 1 : 0) + (flags & 0x10 ? 2 : 0);

function validFrame(rng: Prng): Uint8Array {
  return encodeBloodPressureMeasurement({
    systolicMmHg: sfloatValue(rng), diastolicMmHg: sfloatValue(rng), meanArterialMmHg: sfloatValue(rng),
    sendIn: rng.chance(0.3) ? 'kPa' : 'mmHg',
    takenAt: rng.chance(0.5) ? randomTime(rng) : undefined,
    pulsePerMinute: rng.chance(0.5) ? sfloatValue(rng) : undefined,
    userId: rng.chance(0.5) ? rng.below(256) : undefined,
    status: rng.chance(0.5)
      ? { bodyMovement: rng.chance(0.5), irregularPulse: rng.chance(0.5), pulseRange: rng.pick(['within', 'above', 'below']) }
      : undefined,
  });
}

function checkAccepted(bytes: Uint8Array, m: BloodPressureMeasurement): void {
  const flags = bytes[0] ?? 0;
  check(flags < 0x20 && bytes.length === expectedLength(flags), () => `accepted with flags ${flags}, ${bytes.length} bytes`);
  check(m.sentIn === (flags & 1 ? 'kPa' : 'mmHg'), () => 'wrong unit');
  const max = flags & 1 ? SFLOAT_MAX * MMHG_PER_KPA : SFLOAT_MAX;
  for (const pressure of [m.systolicMmHg, m.diastolicMmHg, m.meanArterialMmHg]) {
    check(Number.isFinite(pressure) && Math.abs(pressure) <= max, () => `pressure ${pressure} out of range`);
  }
  check((m.pulsePerMinute !== null) === ((flags & 0x04) !== 0), () => 'pulse presence differs from its flag');
  check(m.pulsePerMinute === null || Math.abs(m.pulsePerMinute) <= SFLOAT_MAX, () => 'pulse out of range');
  check(m.userId === null || (Number.isInteger(m.userId) && m.userId >= 0 && m.userId < 255), () => 'bad user id');
  check(m.userId === null || (flags & 0x08) !== 0, () => 'user id without its flag');
  check((m.status !== null) === ((flags & 0x10) !== 0), () => 'status presence differs from its flag');
  check(isTimeStamp(m.takenAt) && (m.takenAt === null || (flags & 0x02) !== 0), () => `bad time stamp ${m.takenAt}`);

  const again = decodeBloodPressureMeasurement(encodeBloodPressureMeasurement({
    systolicMmHg: m.systolicMmHg, diastolicMmHg: m.diastolicMmHg, meanArterialMmHg: m.meanArterialMmHg, sendIn: m.sentIn,
    takenAt: timeOf(m.takenAt), pulsePerMinute: m.pulsePerMinute ?? undefined, userId: m.userId ?? undefined,
    status: m.status ?? undefined,
  }));
  checkSame(again, { ok: true, value: m }, 're-encoded', m.sentIn === 'kPa' ? KPA_ROUND_TRIP : undefined);
}

it('decodes 100,000 random and mutated frames: no exception, no invalid reading accepted', () => {
  runFuzz('blood pressure measurement', (rng) => fuzzFrame(rng, validFrame), (bytes) => {
    const result = decodeBloodPressureMeasurement(bytes);
    if (result.ok) checkAccepted(bytes, result.value);
    else check(typeof result.error === 'string' && result.error.length > 0, () => 'an error without a reason');
    return result.ok;
  });
}, FUZZ_TIMEOUT_MS);
