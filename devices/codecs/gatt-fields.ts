import { fail, ok, type Result } from '../../common/result';
import { dateTimeBytes, readDateTime, type GattDateTime } from './gatt-date-time';
import { decodeSfloat, encodeSfloat } from './ieee11073';

/**
 * Reading and writing the fields GATT health characteristics share (little-endian integers, SFLOAT, Date
 * Time), for the codecs of 0x2A35, 0x2A5E and 0x2A9D. Each codec checks the exact length its flags announce
 * first (`checkLength`), so a reader never runs past the end; what is left to fail is a field's content.
 */

/** Rejects a value whose length is not exactly what its flags announce: a cut or glued frame is not a reading. */
export function checkLength(bytes: Uint8Array, expected: number, what: string): Result<DataView> {
  if (bytes.length !== expected) {
    return fail(`${what}: ${bytes.length} bytes, its flags announce ${expected}`);
  }
  return ok(new DataView(bytes.buffer, bytes.byteOffset, bytes.length));
}

/** An SFLOAT field; a special value (NaN, NRes, ±INF, reserved) is an error naming the field, never a number. */
export function readSfloatField(view: DataView, offset: number, field: string, what: string): Result<number> {
  const value = decodeSfloat(view.getUint16(offset, true));
  return value.ok ? value : fail(`${what}: the device sent ${value.error} as ${field}`);
}

/** A Date Time field: ISO 8601 without zone, or null when the device's clock is not set. */
export function readTimeStampField(bytes: Uint8Array, offset: number, what: string): Result<string | null> {
  const time = readDateTime(bytes, offset);
  return time.ok ? time : fail(`${what} time stamp: ${time.error}`);
}

/** Builds a value field by field; the encoders' counterpart of the readers above. */
export class FieldWriter {
  private readonly bytes: number[] = [];

  u8(value: number): this {
    return this.unsigned(value, 1);
  }

  u16(value: number): this {
    return this.unsigned(value, 2);
  }

  u24(value: number): this {
    return this.unsigned(value, 3);
  }

  sfloat(value: number, exponent?: number): this {
    return this.u16(encodeSfloat(value, exponent));
  }

  timeStamp(time: GattDateTime): this {
    this.bytes.push(...dateTimeBytes(time));
    return this;
  }

  /**
   * Little-endian. Throws a RangeError on a value the field cannot carry: that is a bug in the caller (a
   * simulator), and a simulator that wraps a value silently lies about what the device would send.
   */
  private unsigned(value: number, size: number): this {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** (8 * size)) {
      throw new RangeError(`${value} does not fit an unsigned ${8 * size}-bit field`);
    }
    for (let i = 0; i < size; i++) this.bytes.push(Math.floor(value / 2 ** (8 * i)) & 0xff);
    return this;
  }

  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}
