import { fail, ok, type Result } from '../../common/result';
import { DATE_TIME_BYTES, type GattDateTime } from './gatt-date-time';
import { checkLength, FieldWriter, readSfloatField, readTimeStampField } from './gatt-fields';

/**
 * Bluetooth SIG Blood Pressure Measurement characteristic (0x2A35): flags u8 · SFLOAT systolic · SFLOAT
 * diastolic · SFLOAT mean arterial · [date time] · [SFLOAT pulse] · [u8 user id] · [u16 measurement status].
 */
export const BLOOD_PRESSURE_MEASUREMENT_UUID = 0x2a35;

export type PressureUnit = 'mmHg' | 'kPa';
/** The pulse rate against the range the device was set up for (status bits 3–4). */
export type PulseRange = 'within' | 'above' | 'below';

/** Measurement status (u16): what the monitor noticed while it measured. */
export interface BloodPressureStatus {
  bodyMovement: boolean;
  cuffTooLoose: boolean;
  irregularPulse: boolean;
  pulseRange: PulseRange;
  improperPosition: boolean;
}

export interface BloodPressureMeasurement {
  /** Always in mmHg, the unit the kiosk shows; a kPa reading is converted (to 0.01 mmHg). */
  systolicMmHg: number;
  diastolicMmHg: number;
  meanArterialMmHg: number;
  /** The unit the device sent. */
  sentIn: PressureUnit;
  /** The device's own clock, ISO 8601 without zone; null when absent or the clock is not set. */
  takenAt: string | null;
  pulsePerMinute: number | null;
  /** The user index the monitor filed the reading under; null when absent or 255 ("unknown user"). */
  userId: number | null;
  status: BloodPressureStatus | null;
}

const KPA = 0x01;
const HAS_TIME = 0x02;
const HAS_PULSE = 0x04;
const HAS_USER = 0x08;
const HAS_STATUS = 0x10;
const KNOWN_FLAGS = KPA | HAS_TIME | HAS_PULSE | HAS_USER | HAS_STATUS;

const BODY_MOVEMENT = 0x0001;
const CUFF_TOO_LOOSE = 0x0002;
const IRREGULAR_PULSE = 0x0004;
const PULSE_RANGE_SHIFT = 3;
const PULSE_RANGE_MASK = 0x3;
const IMPROPER_POSITION = 0x0020;
const PULSE_RANGES: readonly PulseRange[] = ['within', 'above', 'below'];

const UNKNOWN_USER = 0xff;
const WHAT = 'blood pressure measurement';
/** Conventional millimetre of mercury: 133.322387415 Pa. */
const PASCALS_PER_MMHG = 133.322387415;

const mmHgFromKpa = (kPa: number): number => Math.round((kPa * 1000 / PASCALS_PER_MMHG) * 100) / 100;
const kPaFromMmHg = (mmHg: number): number => (mmHg * PASCALS_PER_MMHG) / 1000;

function lengthOf(flags: number): number {
  return 1 + 3 * 2 + (flags & HAS_TIME ? DATE_TIME_BYTES : 0) + (flags & HAS_PULSE ? 2 : 0)
    + (flags & HAS_USER ? 1 : 0) + (flags & HAS_STATUS ? 2 : 0);
}

function readStatus(word: number): Result<BloodPressureStatus> {
  const pulseRange = PULSE_RANGES[(word >> PULSE_RANGE_SHIFT) & PULSE_RANGE_MASK];
  if (!pulseRange) return fail(`${WHAT}: pulse range 3 is reserved`);
  return ok({
    bodyMovement: (word & BODY_MOVEMENT) !== 0,
    cuffTooLoose: (word & CUFF_TOO_LOOSE) !== 0,
    irregularPulse: (word & IRREGULAR_PULSE) !== 0,
    pulseRange,
    improperPosition: (word & IMPROPER_POSITION) !== 0,
  });
}

/**
 * Decodes a Blood Pressure Measurement value. Never throws. Errors, each with a reason: a length other than
 * the one the flags announce, a flag this decoder does not know (it would announce a field it cannot read),
 * a special SFLOAT (NaN, NRes, ±INF, reserved) in any field, an impossible date, the reserved pulse range.
 * Status bits 6–15 are reserved for future use and ignored.
 */
export function decodeBloodPressureMeasurement(bytes: Uint8Array): Result<BloodPressureMeasurement> {
  const flags = bytes[0];
  if (flags === undefined) return fail(`${WHAT}: empty`);
  if (flags & ~KNOWN_FLAGS) return fail(`${WHAT}: unknown flags 0x${flags.toString(16).padStart(2, '0')}`);
  const checked = checkLength(bytes, lengthOf(flags), WHAT);
  if (!checked.ok) return checked;
  const view = checked.value;

  const pressure = (offset: number, field: string): Result<number> => {
    const read = readSfloatField(view, offset, field, WHAT);
    return read.ok && flags & KPA ? ok(mmHgFromKpa(read.value)) : read;
  };
  const systolic = pressure(1, 'systolic');
  if (!systolic.ok) return systolic;
  const diastolic = pressure(3, 'diastolic');
  if (!diastolic.ok) return diastolic;
  const meanArterial = pressure(5, 'mean arterial pressure');
  if (!meanArterial.ok) return meanArterial;
  let offset = 7;

  let takenAt: string | null = null;
  if (flags & HAS_TIME) {
    const time = readTimeStampField(bytes, offset, WHAT);
    if (!time.ok) return time;
    takenAt = time.value;
    offset += DATE_TIME_BYTES;
  }
  let pulsePerMinute: number | null = null;
  if (flags & HAS_PULSE) {
    const pulse = readSfloatField(view, offset, 'pulse rate', WHAT);
    if (!pulse.ok) return pulse;
    pulsePerMinute = pulse.value;
    offset += 2;
  }
  let userId: number | null = null;
  if (flags & HAS_USER) {
    const user = view.getUint8(offset);
    userId = user === UNKNOWN_USER ? null : user;
    offset += 1;
  }
  let status: BloodPressureStatus | null = null;
  if (flags & HAS_STATUS) {
    const read = readStatus(view.getUint16(offset, true));
    if (!read.ok) return read;
    status = read.value;
  }

  return ok({
    systolicMmHg: systolic.value, diastolicMmHg: diastolic.value, meanArterialMmHg: meanArterial.value,
    sentIn: flags & KPA ? 'kPa' : 'mmHg',
    takenAt, pulsePerMinute, userId, status,
  });
}

/** What a blood-pressure monitor puts on the wire; the simulator and tests build frames from it. */
export interface BloodPressureReading {
  systolicMmHg: number;
  diastolicMmHg: number;
  meanArterialMmHg: number;
  /** Send in kPa (converted from the mmHg values), as some monitors do; mmHg by default. */
  sendIn?: PressureUnit;
  /** The device's resolution for pressures as a power of ten; the most precise encoding by default. */
  exponent?: number;
  takenAt?: GattDateTime;
  pulsePerMinute?: number;
  /** 0–255; 255 means "unknown user". */
  userId?: number;
  /** Flags default to off, the pulse range to "within". */
  status?: Partial<BloodPressureStatus>;
}

function statusWord(status: Partial<BloodPressureStatus>): number {
  return (status.bodyMovement ? BODY_MOVEMENT : 0) | (status.cuffTooLoose ? CUFF_TOO_LOOSE : 0)
    | (status.irregularPulse ? IRREGULAR_PULSE : 0) | (status.improperPosition ? IMPROPER_POSITION : 0)
    | (PULSE_RANGES.indexOf(status.pulseRange ?? 'within') << PULSE_RANGE_SHIFT);
}

/**
 * Encodes a Blood Pressure Measurement value with only the optional fields given. Throws a RangeError on a
 * user id or exponent the wire cannot carry (a bug in the caller); a pressure that does not fit the
 * requested resolution goes out as NRes, as a device would send it.
 */
export function encodeBloodPressureMeasurement(reading: BloodPressureReading): Uint8Array {
  const kPa = reading.sendIn === 'kPa';
  const flags = (kPa ? KPA : 0) | (reading.takenAt ? HAS_TIME : 0)
    | (reading.pulsePerMinute !== undefined ? HAS_PULSE : 0) | (reading.userId !== undefined ? HAS_USER : 0)
    | (reading.status ? HAS_STATUS : 0);
  const writer = new FieldWriter().u8(flags);
  for (const mmHg of [reading.systolicMmHg, reading.diastolicMmHg, reading.meanArterialMmHg]) {
    writer.sfloat(kPa ? kPaFromMmHg(mmHg) : mmHg, reading.exponent);
  }
  if (reading.takenAt) writer.timeStamp(reading.takenAt);
  if (reading.pulsePerMinute !== undefined) writer.sfloat(reading.pulsePerMinute);
  if (reading.userId !== undefined) writer.u8(reading.userId);
  if (reading.status) writer.u16(statusWord(reading.status));
  return writer.done();
}
