import { fail, ok, type Result } from '../../common/result';
import { DATE_TIME_BYTES, type GattDateTime } from './gatt-date-time';
import { checkLength, FieldWriter, readSfloatField, readTimeStampField } from './gatt-fields';

/**
 * Bluetooth SIG PLX Spot-check Measurement characteristic (0x2A5E): flags u8 · SFLOAT SpO2 · SFLOAT pulse
 * rate · [date time] · [u16 measurement status] · [u24 device and sensor status] · [SFLOAT pulse amplitude
 * index]. Status bit names from the Pulse Oximeter Service specification (PLXS 1.0); PLX Continuous
 * Measurement (0x2A5F) uses other flag bits and is not this codec.
 */
export const PLX_SPOT_CHECK_UUID = 0x2a5e;

/** Measurement status, bits 5–15 (0–4 are reserved). */
export const PLX_MEASUREMENT_FLAGS = [
  'measurementOngoing', 'earlyEstimatedData', 'validatedData', 'fullyQualifiedData', 'dataFromMeasurementStorage',
  'dataForDemonstration', 'dataForTesting', 'calibrationOngoing', 'measurementUnavailable',
  'questionableMeasurementDetected', 'invalidMeasurementDetected',
] as const;
export type PlxMeasurementFlag = (typeof PLX_MEASUREMENT_FLAGS)[number];
const FIRST_MEASUREMENT_BIT = 5;

/** Device and sensor status, bits 0–15 (16–23 are reserved). */
export const PLX_DEVICE_FLAGS = [
  'extendedDisplayUpdateOngoing', 'equipmentMalfunctionDetected', 'signalProcessingIrregularityDetected',
  'inadequateSignalDetected', 'poorSignalDetected', 'lowPerfusionDetected', 'erraticSignalDetected',
  'nonpulsatileSignalDetected', 'questionablePulseDetected', 'signalAnalysisOngoing',
  'sensorInterferenceDetected', 'sensorUnconnectedToUser', 'unknownSensorConnected', 'sensorDisplaced',
  'sensorMalfunctioning', 'sensorDisconnected',
] as const;
export type PlxDeviceFlag = (typeof PLX_DEVICE_FLAGS)[number];

export interface PlxSpotCheck {
  spo2Percent: number;
  pulsePerMinute: number;
  /**
   * The device's own clock, ISO 8601 without zone; null when absent, when its year, month or day is 0, or
   * when the device says its clock is not set (`deviceClockNotSet`).
   */
  takenAt: string | null;
  /** Flag bit 4: the device says its clock is not set, so a time stamp it sends means nothing. */
  deviceClockNotSet: boolean;
  /** The measurement status flags that are set, in bit order; null when the field is absent. */
  measurementStatus: PlxMeasurementFlag[] | null;
  /** The device and sensor status flags that are set, in bit order; null when the field is absent. */
  deviceStatus: PlxDeviceFlag[] | null;
  /** Perfusion, in percent; null when absent. */
  pulseAmplitudeIndex: number | null;
}

const HAS_TIME = 0x01;
const HAS_MEASUREMENT_STATUS = 0x02;
const HAS_DEVICE_STATUS = 0x04;
const HAS_PULSE_AMPLITUDE = 0x08;
const CLOCK_NOT_SET = 0x10;
const KNOWN_FLAGS = HAS_TIME | HAS_MEASUREMENT_STATUS | HAS_DEVICE_STATUS | HAS_PULSE_AMPLITUDE | CLOCK_NOT_SET;
const WHAT = 'PLX spot-check measurement';

function lengthOf(flags: number): number {
  return 1 + 2 * 2 + (flags & HAS_TIME ? DATE_TIME_BYTES : 0) + (flags & HAS_MEASUREMENT_STATUS ? 2 : 0)
    + (flags & HAS_DEVICE_STATUS ? 3 : 0) + (flags & HAS_PULSE_AMPLITUDE ? 2 : 0);
}

/** The names of the bits set in `word`, the first name standing for bit `firstBit`; other bits are reserved. */
const namesOf = <T extends string>(word: number, names: readonly T[], firstBit = 0): T[] =>
  names.filter((_, index) => (word >> (firstBit + index)) & 1);
const wordOf = <T extends string>(set: readonly T[], names: readonly T[], firstBit = 0): number =>
  names.reduce((word, name, index) => (set.includes(name) ? word | (1 << (firstBit + index)) : word), 0);

/**
 * Decodes a PLX Spot-check Measurement value. Never throws. Errors, each with a reason: a length other than
 * the one the flags announce, an unknown flag, a special SFLOAT (NaN, NRes, ±INF, reserved) in any field —
 * a device that cannot measure sends NaN, which is no reading — and an impossible date.
 */
export function decodePlxSpotCheck(bytes: Uint8Array): Result<PlxSpotCheck> {
  const flags = bytes[0];
  if (flags === undefined) return fail(`${WHAT}: empty`);
  if (flags & ~KNOWN_FLAGS) return fail(`${WHAT}: unknown flags 0x${flags.toString(16).padStart(2, '0')}`);
  const checked = checkLength(bytes, lengthOf(flags), WHAT);
  if (!checked.ok) return checked;
  const view = checked.value;

  const spo2 = readSfloatField(view, 1, 'SpO2', WHAT);
  if (!spo2.ok) return spo2;
  const pulse = readSfloatField(view, 3, 'pulse rate', WHAT);
  if (!pulse.ok) return pulse;
  let offset = 5;

  let takenAt: string | null = null;
  if (flags & HAS_TIME) {
    const time = readTimeStampField(bytes, offset, WHAT);
    if (!time.ok) return time;
    takenAt = flags & CLOCK_NOT_SET ? null : time.value;
    offset += DATE_TIME_BYTES;
  }
  let measurementStatus: PlxMeasurementFlag[] | null = null;
  if (flags & HAS_MEASUREMENT_STATUS) {
    measurementStatus = namesOf(view.getUint16(offset, true), PLX_MEASUREMENT_FLAGS, FIRST_MEASUREMENT_BIT);
    offset += 2;
  }
  let deviceStatus: PlxDeviceFlag[] | null = null;
  if (flags & HAS_DEVICE_STATUS) {
    deviceStatus = namesOf(view.getUint16(offset, true), PLX_DEVICE_FLAGS);
    offset += 3;
  }
  let pulseAmplitudeIndex: number | null = null;
  if (flags & HAS_PULSE_AMPLITUDE) {
    const index = readSfloatField(view, offset, 'pulse amplitude index', WHAT);
    if (!index.ok) return index;
    pulseAmplitudeIndex = index.value;
  }

  return ok({
    spo2Percent: spo2.value, pulsePerMinute: pulse.value, takenAt, deviceClockNotSet: (flags & CLOCK_NOT_SET) !== 0,
    measurementStatus, deviceStatus, pulseAmplitudeIndex,
  });
}

/** What a pulse oximeter puts on the wire; the simulator and tests build frames from it. */
export interface PlxSpotCheckReading {
  spo2Percent: number;
  pulsePerMinute: number;
  takenAt?: GattDateTime;
  deviceClockNotSet?: boolean;
  measurementStatus?: readonly PlxMeasurementFlag[];
  deviceStatus?: readonly PlxDeviceFlag[];
  pulseAmplitudeIndex?: number;
}

/** Encodes a PLX Spot-check Measurement value with only the optional fields given; values most precisely. */
export function encodePlxSpotCheck(reading: PlxSpotCheckReading): Uint8Array {
  const flags = (reading.takenAt ? HAS_TIME : 0) | (reading.measurementStatus ? HAS_MEASUREMENT_STATUS : 0)
    | (reading.deviceStatus ? HAS_DEVICE_STATUS : 0) | (reading.pulseAmplitudeIndex !== undefined ? HAS_PULSE_AMPLITUDE : 0)
    | (reading.deviceClockNotSet ? CLOCK_NOT_SET : 0);
  const writer = new FieldWriter().u8(flags).sfloat(reading.spo2Percent).sfloat(reading.pulsePerMinute);
  if (reading.takenAt) writer.timeStamp(reading.takenAt);
  if (reading.measurementStatus) {
    writer.u16(wordOf(reading.measurementStatus, PLX_MEASUREMENT_FLAGS, FIRST_MEASUREMENT_BIT));
  }
  if (reading.deviceStatus) writer.u24(wordOf(reading.deviceStatus, PLX_DEVICE_FLAGS));
  if (reading.pulseAmplitudeIndex !== undefined) writer.sfloat(reading.pulseAmplitudeIndex);
  return writer.done();
}
