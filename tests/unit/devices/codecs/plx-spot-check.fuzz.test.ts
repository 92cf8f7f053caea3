import { it } from 'vitest';
import {
  decodePlxSpotCheck, encodePlxSpotCheck, PLX_DEVICE_FLAGS, PLX_MEASUREMENT_FLAGS, type PlxSpotCheck,
} from '../../../../devices/codecs/plx-spot-check';
import {
  check, checkSame, FUZZ_TIMEOUT_MS, fuzzFrame, isTimeStamp, randomTime, runFuzz, SFLOAT_MAX, sfloatValue, timeOf, type Prng,
} from './fuzz';

// Computed here from the specification, apart from the codec, so that the two disagree if one is wrong.
const expectedLength = (flags: number): number =>
  5 + (flags & 0x01 ? 7 : 0) + (flags & 0x02 ? 2 : 0) + (flags & 0x04 ? 3 : 0) + (flags & 0x08 ? 2 : 0);

const someOf = <T>(rng: Prng, names: readonly T[]): T[] => names.filter(() => rng.chance(0.2));

function validFrame(rng: Prng): Uint8Array {
  return encodePlxSpotCheck({
    spo2Percent: sfloatValue(rng), pulsePerMinute: sfloatValue(rng),
    takenAt: rng.chance(0.5) ? randomTime(rng) : undefined,
    deviceClockNotSet: rng.chance(0.2),
    measurementStatus: rng.chance(0.5) ? someOf(rng, PLX_MEASUREMENT_FLAGS) : undefined,
    deviceStatus: rng.chance(0.5) ? someOf(rng, PLX_DEVICE_FLAGS) : undefined,
    pulseAmplitudeIndex: rng.chance(0.5) ? sfloatValue(rng) : undefined,
  });
}

function checkAccepted(bytes: Uint8Array, m: PlxSpotCheck): void {
  const flags = bytes[0] ?? 0;
  check(flags < 0x20 && bytes.length === expectedLength(flags), () => `accepted with flags ${flags}, ${bytes.length} bytes`);
  for (const value of [m.spo2Percent, m.pulsePerMinute, m.pulseAmplitudeIndex ?? 0]) {
    check(Number.isFinite(value) && Math.abs(value) <= SFLOAT_MAX, () => `value ${value} out of range`);
  }
  check((m.pulseAmplitudeIndex !== null) === ((flags & 0x08) !== 0), () => 'index presence differs from its flag');
  check((m.measurementStatus !== null) === ((flags & 0x02) !== 0), () => 'status presence differs from its flag');
  check((m.deviceStatus !== null) === ((flags & 0x04) !== 0), () => 'device status presence differs from its flag');
  check(m.deviceClockNotSet === ((flags & 0x10) !== 0), () => 'clock flag differs');
  check(isTimeStamp(m.takenAt) && (m.takenAt === null || (flags & 0x01) !== 0), () => `bad time stamp ${m.takenAt}`);

  const again = decodePlxSpotCheck(encodePlxSpotCheck({
    spo2Percent: m.spo2Percent, pulsePerMinute: m.pulsePerMinute, takenAt: timeOf(m.takenAt),
    deviceClockNotSet: m.deviceClockNotSet, measurementStatus: m.measurementStatus ?? undefined,
    deviceStatus: m.deviceStatus ?? undefined, pulseAmplitudeIndex: m.pulseAmplitudeIndex ?? undefined,
  }));
  checkSame(again, { ok: true, value: m }, 're-encoded');
}

it('decodes 100,000 random and mutated frames: no exception, no invalid reading accepted', () => {
  runFuzz('PLX spot-check', (rng) => fuzzFrame(rng, validFrame), (bytes) => {
    const result = decodePlxSpotCheck(bytes);
    if (result.ok) checkAccepted(bytes, result.value);
    else check(typeof result.error === 'string' && result.error.length > 0, () => 'an error without a reason');
    return result.ok;
  });
}, FUZZ_TIMEOUT_MS);
