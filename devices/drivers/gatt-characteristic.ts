import type { Measurement } from '../../common/measurements';
import { ok, type Result } from '../../common/result';
import { formatUuid, type GattFrame } from '../codecs/gatt-frame';
import type { DeviceLogger } from '../logger';
import type { ReadingGate } from '../reading-gate';

/** The one characteristic a kind of device is read for, and how its value becomes a measurement. */
export interface GattCharacteristic<M extends Measurement> {
  kind: M['kind'];
  /** Its name inside a sentence: "the thermometer is not ready". */
  deviceName: string;
  uuid: number;
  /**
   * The measurement a value carries once `gate` found it plausible; ok(null) when the gate refused it
   * (the gate logs and counts that itself); an error when the value does not decode or makes no sense.
   */
  measure(value: Uint8Array, gate: ReadingGate): Result<M | null>;
}

/**
 * What one GATT record says, whatever brought it (a SLIP frame on a serial line, a HID report): the
 * measurement of `characteristic`, null for a record of another characteristic (ignored, at debug) or a
 * value the gate refused, or an error when its value does not decode. Logs the UUID, never the value.
 */
export function readGattRecord<M extends Measurement>(
  record: GattFrame, characteristic: GattCharacteristic<M>, gate: ReadingGate, logger: DeviceLogger,
): Result<M | null> {
  if (record.uuid !== characteristic.uuid) {
    logger.debug({ device: characteristic.kind, uuid: formatUuid(record.uuid) }, 'characteristic ignored');
    return ok(null);
  }
  return characteristic.measure(record.value, gate);
}
