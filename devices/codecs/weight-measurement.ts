import { fail, ok, type Result } from '../../common/result';
import { DATE_TIME_BYTES, type GattDateTime } from './gatt-date-time';
import { checkLength, FieldWriter, readTimeStampField } from './gatt-fields';

/**
 * Bluetooth SIG Weight Measurement characteristic (0x2A9D): flags u8 · u16 weight · [date time] · [u8 user
 * id] · [u16 BMI, 0.1] · [u16 height]. SI: weight in 0.005 kg, height in 0.001 m; imperial: 0.01 lb and 0.1 in.
 */
export const WEIGHT_MEASUREMENT_UUID = 0x2a9d;

export type WeightUnit = 'kg' | 'lb';

export interface WeightMeasurement {
  /** Always in kilograms, to the gram; a reading in pounds is converted. */
  kilograms: number;
  /** The unit the device sent. */
  sentIn: WeightUnit;
  /** The device's own clock, ISO 8601 without zone; null when absent or the clock is not set. */
  takenAt: string | null;
  /** The user index the scale filed the reading under; null when absent or 255 ("unknown user"). */
  userId: number | null;
  /** Body mass index, to 0.1; null when absent. */
  bmi: number | null;
  /** Height in metres (converted from inches, to 0.1 mm); null when absent. */
  heightMetres: number | null;
}

const IMPERIAL = 0x01;
const HAS_TIME = 0x02;
const HAS_USER = 0x04;
const HAS_BMI_AND_HEIGHT = 0x08;
const KNOWN_FLAGS = IMPERIAL | HAS_TIME | HAS_USER | HAS_BMI_AND_HEIGHT;
/** The weight field's "measurement unsuccessful". */
const UNSUCCESSFUL = 0xffff;
const UNKNOWN_USER = 0xff;
const WHAT = 'weight measurement';

const KG_PER_LB = 0.45359237;
const M_PER_IN = 0.0254;
// Wire units per kilogram or metre; the decoder rounds finer than one wire unit, so a value re-encodes exactly.
const units = (imperial: boolean) => ({
  weight: imperial ? 100 / KG_PER_LB : 200,
  height: imperial ? 10 / M_PER_IN : 1000,
});
const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

function lengthOf(flags: number): number {
  return 1 + 2 + (flags & HAS_TIME ? DATE_TIME_BYTES : 0) + (flags & HAS_USER ? 1 : 0) + (flags & HAS_BMI_AND_HEIGHT ? 4 : 0);
}

/**
 * Decodes a Weight Measurement value. Never throws. Errors, each with a reason: a length other than the one
 * the flags announce, an unknown flag, the weight 0xFFFF ("measurement unsuccessful"), an impossible date.
 */
export function decodeWeightMeasurement(bytes: Uint8Array): Result<WeightMeasurement> {
  const flags = bytes[0];
  if (flags === undefined) return fail(`${WHAT}: empty`);
  if (flags & ~KNOWN_FLAGS) return fail(`${WHAT}: unknown flags 0x${flags.toString(16).padStart(2, '0')}`);
  const checked = checkLength(bytes, lengthOf(flags), WHAT);
  if (!checked.ok) return checked;
  const view = checked.value;
  const scale = units((flags & IMPERIAL) !== 0);

  const weight = view.getUint16(1, true);
  if (weight === UNSUCCESSFUL) return fail(`${WHAT}: the scale reports the measurement unsuccessful`);
  let offset = 3;

  let takenAt: string | null = null;
  if (flags & HAS_TIME) {
    const time = readTimeStampField(bytes, offset, WHAT);
    if (!time.ok) return time;
    takenAt = time.value;
    offset += DATE_TIME_BYTES;
  }
  let userId: number | null = null;
  if (flags & HAS_USER) {
    const user = view.getUint8(offset);
    userId = user === UNKNOWN_USER ? null : user;
    offset += 1;
  }
  let bmi: number | null = null;
  let heightMetres: number | null = null;
  if (flags & HAS_BMI_AND_HEIGHT) {
    bmi = view.getUint16(offset, true) / 10;
    heightMetres = round(view.getUint16(offset + 2, true) / scale.height, 4);
  }

  return ok({
    kilograms: round(weight / scale.weight, 3), sentIn: flags & IMPERIAL ? 'lb' : 'kg', takenAt, userId, bmi, heightMetres,
  });
}

/** What a scale puts on the wire; the simulator and tests build frames from it. */
export interface WeightReading {
  /** Null sends "measurement unsuccessful". */
  kilograms: number | null;
  /** Send in pounds and inches, as imperial scales do; kilograms and metres by default. */
  sendIn?: WeightUnit;
  takenAt?: GattDateTime;
  /** 0–255; 255 means "unknown user". */
  userId?: number;
  bmiAndHeight?: { bmi: number; heightMetres: number };
}

/**
 * Encodes a Weight Measurement value with only the optional fields given, rounded to the wire's resolution.
 * Throws a RangeError on a value the wire cannot carry (over 327.67 kg, or 655.34 lb): a bug in the caller.
 */
export function encodeWeightMeasurement(reading: WeightReading): Uint8Array {
  const imperial = reading.sendIn === 'lb';
  const scale = units(imperial);
  const weight = reading.kilograms === null ? UNSUCCESSFUL : Math.round(reading.kilograms * scale.weight);
  if (reading.kilograms !== null && weight >= UNSUCCESSFUL) {
    throw new RangeError(`${reading.kilograms} kg does not fit a weight measurement`);
  }
  const flags = (imperial ? IMPERIAL : 0) | (reading.takenAt ? HAS_TIME : 0) | (reading.userId !== undefined ? HAS_USER : 0)
    | (reading.bmiAndHeight ? HAS_BMI_AND_HEIGHT : 0);
  const writer = new FieldWriter().u8(flags).u16(weight);
  if (reading.takenAt) writer.timeStamp(reading.takenAt);
  if (reading.userId !== undefined) writer.u8(reading.userId);
  if (reading.bmiAndHeight) {
    writer.u16(Math.round(reading.bmiAndHeight.bmi * 10)).u16(Math.round(reading.bmiAndHeight.heightMetres * scale.height));
  }
  return writer.done();
}
