import { fail, ok, type Result } from '../../common/result';

/**
 * The payload of one SLIP frame from a BLE-to-serial bridge: the GATT characteristic UUID (u16
 * little-endian) followed by the characteristic's value, exactly as the device notified it.
 * One framing for every bridged device; the UUID says which codec reads the value.
 */
export interface GattFrame {
  uuid: number;
  value: Uint8Array;
}

const UUID_BYTES = 2;

export function decodeGattFrame(payload: Uint8Array): Result<GattFrame> {
  if (payload.length < UUID_BYTES) return fail(`GATT frame truncated: ${payload.length} bytes, needs a 2-byte UUID`);
  const uuid = new DataView(payload.buffer, payload.byteOffset, UUID_BYTES).getUint16(0, true);
  return ok({ uuid, value: payload.subarray(UUID_BYTES) });
}

export function encodeGattFrame(frame: GattFrame): Uint8Array {
  const payload = new Uint8Array(UUID_BYTES + frame.value.length);
  new DataView(payload.buffer).setUint16(0, frame.uuid, true);
  payload.set(frame.value, UUID_BYTES);
  return payload;
}

/** `0x2A1C`, as the Bluetooth specification writes UUIDs. */
export const formatUuid = (uuid: number): string => `0x${uuid.toString(16).toUpperCase().padStart(4, '0')}`;
