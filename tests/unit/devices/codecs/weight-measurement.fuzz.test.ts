import { it } from 'vitest';
import {
  decodeWeightMeasurement, encodeWeightMeasurement, type WeightMeasurement,
} from '../../../../devices/codecs/weight-measurement';
import { check, checkSame, FUZZ_TIMEOUT_MS, fuzzFrame, isTimeStamp, randomTime, runFuzz, timeOf, type Prng } from './fuzz';

// Computed here from the specification, apart from the codec, so that the two disagree if one is wrong.
const expectedLength = (flags: number): number => 3 + (flags & 0x02 ? 7 : 0) + (flags & 0x04 ? 1 : 0) + (flags & 0x08 ? 4 : 0);
/** The largest weight and height the wire carries: 65534 steps (65535 is "unsuccessful") and 65535 steps. */
const MAX_KG = { kg: 65534 * 0.005, lb: 65534 * 0.0045359237 + 0.0005 };
const MAX_HEIGHT_M = { kg: 65.535, lb: 65535 * 0.00254 + 0.00005 };

function validFrame(rng: Prng): Uint8Array {
  const imperial = rng.chance(0.4);
  return encodeWeightMeasurement({
    kilograms: rng.below(65535) * (imperial ? 0.0045359237 : 0.005), sendIn: imperial ? 'lb' : 'kg',
    takenAt: rng.chance(0.5) ? randomTime(rng) : undefined,
    userId: rng.chance(0.5) ? rng.below(256) : undefined,
    bmiAndHeight: rng.chance(0.5) ? { bmi: rng.below(65536) / 10, heightMetres: rng.below(65536) * (imperial ? 0.00254 : 0.001) } : undefined,
  });
}

function checkAccepted(bytes: Uint8Array, m: WeightMeasurement): void {
  const flags = bytes[0] ?? 0;
  check(flags < 0x10 && bytes.length === expectedLength(flags), () => `accepted with flags ${flags}, ${bytes.length} bytes`);
  check(m.sentIn === (flags & 1 ? 'lb' : 'kg'), () => 'wrong unit');
  check(m.kilograms >= 0 && m.kilograms <= MAX_KG[m.sentIn], () => `weight ${m.kilograms} out of range`);
  check((m.bmi === null) === (m.heightMetres === null) && (m.bmi !== null) === ((flags & 0x08) !== 0), () => 'BMI and height presence');
  check(m.bmi === null || (m.bmi >= 0 && m.bmi <= 6553.5), () => `BMI ${m.bmi} out of range`);
  check(m.heightMetres === null || (m.heightMetres >= 0 && m.heightMetres <= MAX_HEIGHT_M[m.sentIn]), () => `height ${m.heightMetres}`);
  check(m.userId === null || (Number.isInteger(m.userId) && m.userId >= 0 && m.userId < 255), () => 'bad user id');
  check(isTimeStamp(m.takenAt) && (m.takenAt === null || (flags & 0x02) !== 0), () => `bad time stamp ${m.takenAt}`);

  const reEncoded = encodeWeightMeasurement({
    kilograms: m.kilograms, sendIn: m.sentIn, takenAt: timeOf(m.takenAt), userId: m.userId ?? undefined,
    bmiAndHeight: m.bmi !== null && m.heightMetres !== null ? { bmi: m.bmi, heightMetres: m.heightMetres } : undefined,
  });
  checkSame(decodeWeightMeasurement(reEncoded), { ok: true, value: m }, 're-encoded');
  // Units convert both ways without loss: the weight and height words are the ones the device sent.
  check(reEncoded[1] === bytes[1] && reEncoded[2] === bytes[2], () => 'the weight word changed');
}

it('decodes 100,000 random and mutated frames: no exception, no invalid reading accepted', () => {
  runFuzz('weight measurement', (rng) => fuzzFrame(rng, validFrame), (bytes) => {
    const result = decodeWeightMeasurement(bytes);
    if (result.ok) checkAccepted(bytes, result.value);
    else check(typeof result.error === 'string' && result.error.length > 0, () => 'an error without a reason');
    return result.ok;
  });
}, FUZZ_TIMEOUT_MS);
