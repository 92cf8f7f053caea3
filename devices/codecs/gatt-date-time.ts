import { fail, ok, type Result } from '../../common/result';

/**
 * The Bluetooth SIG Date Time field (0x2A08), 7 bytes: year u16 LE, month, day, hours, minutes, seconds.
 * It is the device's wall clock with no zone, so it decodes to an ISO 8601 string without zone.
 */
export const DATE_TIME_BYTES = 7;

export interface GattDateTime {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Reads a Date Time at `offset`. Year, month or day 0 mean "not known" (the device's clock is not set):
 * that is `null`, not an error. Missing bytes and out-of-range fields are errors.
 */
export function readDateTime(bytes: Uint8Array, offset: number): Result<string | null> {
  if (bytes.length < offset + DATE_TIME_BYTES) {
    return fail(`date and time truncated: needs ${DATE_TIME_BYTES} bytes at offset ${offset}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, DATE_TIME_BYTES);
  const t: GattDateTime = {
    year: view.getUint16(0, true), month: view.getUint8(2), day: view.getUint8(3),
    hours: view.getUint8(4), minutes: view.getUint8(5), seconds: view.getUint8(6),
  };
  if (t.year === 0 || t.month === 0 || t.day === 0) return ok(null);
  const iso = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hours)}:${pad(t.minutes)}:${pad(t.seconds)}`;
  // Date.UTC rolls 31 November over to 1 December; a round trip catches every out-of-range field at once.
  const roundTrip = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hours, t.minutes, t.seconds)).toISOString();
  if (t.year < 1582 || t.year > 9999 || roundTrip.slice(0, 19) !== iso) return fail(`invalid date and time ${iso}`);
  return ok(iso);
}

/** The 7 bytes of a Date Time. */
export function dateTimeBytes(time: GattDateTime): Uint8Array {
  const bytes = new Uint8Array(DATE_TIME_BYTES);
  new DataView(bytes.buffer).setUint16(0, time.year, true);
  bytes.set([time.month, time.day, time.hours, time.minutes, time.seconds], 2);
  return bytes;
}

/** A JavaScript Date as a device clock shows it: local wall-clock time, to the second. */
export function dateTimeOf(date: Date): GattDateTime {
  return {
    year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(),
    hours: date.getHours(), minutes: date.getMinutes(), seconds: date.getSeconds(),
  };
}

/** The fields of an ISO 8601 string as `readDateTime` returns it, to put a decoded time stamp back on the wire. */
export function dateTimeOfIso(iso: string): GattDateTime {
  const [year = 0, month = 0, day = 0, hours = 0, minutes = 0, seconds = 0] = iso.split(/[-T:]/).map(Number);
  return { year, month, day, hours, minutes, seconds };
}
