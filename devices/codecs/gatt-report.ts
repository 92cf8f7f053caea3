import { fail, ok, type Result } from '../../common/result';
import { BLOOD_PRESSURE_MEASUREMENT_UUID } from './blood-pressure-measurement';
import { formatUuid, type GattFrame } from './gatt-frame';
import { PLX_SPOT_CHECK_UUID } from './plx-spot-check';
import { TEMPERATURE_MEASUREMENT_UUID } from './temperature-measurement';
import { WEIGHT_MEASUREMENT_UUID } from './weight-measurement';

/**
 * A GATT record in one USB HID input report, for measuring devices on HID instead of a serial bridge
 * (docs/devices.md, "GATT records over USB HID"). Borne's own format, since no standard carries GATT
 * values over HID:
 *
 *   [report id 0x01] [characteristic UUID u16 LE] [value length u8] [value: length bytes] [zeros to the report's end]
 *
 * One record per report, never continued in the next: the USB HID layer already reassembles a report
 * longer than one packet, and BLE's default ATT MTU caps a notified value at 20 bytes (the longest read here,
 * a 0x2A35 or 0x2A5E with every field, is 19), so a 64-byte report always holds a whole record. Without
 * continuation no half record can outlive an unplug. The padding must be zeros: a corrupt length byte then
 * shows as value bytes left in the padding instead of passing as a shorter value.
 */
export const GATT_REPORT_ID = 0x01;
/** The largest report read (a full-speed device's whole interrupt packet); a GATT record report is never longer. */
export const GATT_REPORT_MAX_BYTES = 64;
/** What every report holds before the value: report id, UUID, length. */
const HEADER_BYTES = 4;
export const GATT_REPORT_MAX_VALUE_BYTES = GATT_REPORT_MAX_BYTES - HEADER_BYTES;

/** The characteristics Borne reads: a device in this format sends nothing else, so another UUID is a corrupt report. */
const MEASUREMENT_UUIDS: ReadonlySet<number> = new Set([
  TEMPERATURE_MEASUREMENT_UUID, BLOOD_PRESSURE_MEASUREMENT_UUID, PLX_SPOT_CHECK_UUID, WEIGHT_MEASUREMENT_UUID,
]);

/**
 * The record one report carries. Never throws. Errors, each with a reason and never the bytes: an empty or
 * over-long report, another report id, a report too short for its header or for the length it declares, a
 * record with no value, an unknown characteristic, non-zero padding.
 */
export function decodeGattReport(report: Uint8Array): Result<GattFrame> {
  if (report.length === 0) return fail('GATT report: empty');
  if (report.length > GATT_REPORT_MAX_BYTES) return fail(`GATT report: ${report.length} bytes, more than ${GATT_REPORT_MAX_BYTES}`);
  if (report[0] !== GATT_REPORT_ID) return fail(`GATT report: report id ${report[0]}, expected ${GATT_REPORT_ID}`);
  if (report.length < HEADER_BYTES) return fail(`GATT report: ${report.length} bytes, too short for its header`);
  const uuid = (report[1] ?? 0) | ((report[2] ?? 0) << 8);
  const length = report[3] ?? 0;
  if (!MEASUREMENT_UUIDS.has(uuid)) return fail(`GATT report: unknown characteristic ${formatUuid(uuid)}`);
  if (length === 0) return fail('GATT report: a record with no value');
  const end = HEADER_BYTES + length;
  if (end > report.length) return fail(`GATT report: the value has ${length} bytes, the report holds ${report.length - HEADER_BYTES}`);
  if (report.subarray(end).some((byte) => byte !== 0)) return fail('GATT report: bytes after the value (a corrupt length)');
  return ok({ uuid, value: report.slice(HEADER_BYTES, end) });
}

/**
 * The report a device sends for `frame`, `size` bytes long (zero padded), for simulators and tests. Throws a
 * RangeError on a record the format cannot carry (an empty value, one longer than the report, an unknown UUID).
 */
export function encodeGattReport(frame: GattFrame, size = GATT_REPORT_MAX_BYTES): Uint8Array {
  const { uuid, value } = frame;
  if (!MEASUREMENT_UUIDS.has(uuid)) throw new RangeError(`GATT report: ${formatUuid(uuid)} is not a characteristic Borne reads`);
  if (size > GATT_REPORT_MAX_BYTES) throw new RangeError(`GATT report: at most ${GATT_REPORT_MAX_BYTES} bytes`);
  if (value.length === 0 || HEADER_BYTES + value.length > size) throw new RangeError(`GATT report: a value of 1 to ${size - HEADER_BYTES} bytes`);
  const report = new Uint8Array(size);
  report.set([GATT_REPORT_ID, uuid & 0xff, uuid >> 8, value.length]);
  report.set(value, HEADER_BYTES);
  return report;
}
