import { BODY_SITES, type BodySite, type Temperature } from '../../common/measurements';
import { fail, ok, type Result } from '../../common/result';
import { DATE_TIME_BYTES, dateTimeBytes, readDateTime, type GattDateTime } from './gatt-date-time';
import { decodeFloat, encodeFloat } from './ieee11073';

/** Bluetooth SIG Temperature Measurement characteristic (0x2A1C): flags · FLOAT · [date time] · [type]. */
export const TEMPERATURE_MEASUREMENT_UUID = 0x2a1c;

const FAHRENHEIT = 0x01;
const HAS_TIME = 0x02;
const HAS_TYPE = 0x04;
const FLAGS_AND_VALUE_BYTES = 5;

// Temperature Type (0x2A1D) codes 1..9, in the order of BODY_SITES.
const siteOf = (code: number): BodySite | undefined => BODY_SITES[code - 1];
const codeOf = (site: BodySite): number => BODY_SITES.indexOf(site) + 1;

/** Two decimals: what a thermometer displays, and no 36.99999999999999 from the unit conversion. */
const celsiusFromFahrenheit = (f: number): number => Math.round(((f - 32) * 5) / 9 * 100) / 100;
const fahrenheitFromCelsius = (c: number): number => (c * 9) / 5 + 32;

/**
 * Decodes a Temperature Measurement value into Celsius. Never throws: a truncated frame, a special FLOAT
 * (NaN, NRes, ±INF, reserved), a bad date or an unknown type code comes back as an error saying which.
 * Bytes after the known fields are ignored, as the Bluetooth specification asks of readers.
 */
export function decodeTemperatureMeasurement(bytes: Uint8Array): Result<Temperature> {
  if (bytes.length < FLAGS_AND_VALUE_BYTES) {
    return fail(`temperature measurement truncated: ${bytes.length} bytes, needs at least ${FLAGS_AND_VALUE_BYTES}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const flags = view.getUint8(0);
  const value = decodeFloat(view.getUint32(1, true));
  if (!value.ok) return fail(`temperature measurement carries no value: the device sent ${value.error}`);
  let offset = FLAGS_AND_VALUE_BYTES;

  let takenAt: string | null = null;
  if (flags & HAS_TIME) {
    const time = readDateTime(bytes, offset);
    if (!time.ok) return fail(`temperature measurement time stamp: ${time.error}`);
    takenAt = time.value;
    offset += DATE_TIME_BYTES;
  }

  let site: BodySite | null = null;
  if (flags & HAS_TYPE) {
    const code = bytes[offset];
    if (code === undefined) return fail('temperature measurement truncated: the temperature type is missing');
    const known = siteOf(code);
    if (!known) return fail(`temperature measurement: unknown temperature type ${code}`);
    site = known;
  }

  const celsius = flags & FAHRENHEIT ? celsiusFromFahrenheit(value.value) : value.value;
  return ok({ celsius, site, takenAt });
}

/** What a thermometer puts on the wire; the simulator and tests build frames from it. */
export interface TemperatureReading {
  celsius: number;
  /** Send in Fahrenheit, as some consumer thermometers do. */
  fahrenheit?: boolean;
  takenAt?: GattDateTime;
  site?: BodySite;
  /** The device's resolution as a power of ten; -2 (0.01°) by default, like the SIG's own example. */
  exponent?: number;
}

/** Encodes a Temperature Measurement value, with only the optional fields given. */
export function encodeTemperatureMeasurement(reading: TemperatureReading): Uint8Array {
  const time = reading.takenAt ? dateTimeBytes(reading.takenAt) : new Uint8Array(0);
  const type = reading.site ? [codeOf(reading.site)] : [];
  const bytes = new Uint8Array(FLAGS_AND_VALUE_BYTES + time.length + type.length);
  const view = new DataView(bytes.buffer);
  const value = reading.fahrenheit ? fahrenheitFromCelsius(reading.celsius) : reading.celsius;
  view.setUint8(0, (reading.fahrenheit ? FAHRENHEIT : 0) | (time.length ? HAS_TIME : 0) | (type.length ? HAS_TYPE : 0));
  view.setUint32(1, encodeFloat(value, reading.exponent ?? -2), true);
  bytes.set(time, FLAGS_AND_VALUE_BYTES);
  bytes.set(type, FLAGS_AND_VALUE_BYTES + time.length);
  return bytes;
}
