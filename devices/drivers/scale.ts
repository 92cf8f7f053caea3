import type { MeasurementOf } from '../../common/measurements';
import { ok } from '../../common/result';
import { decodeWeightMeasurement, WEIGHT_MEASUREMENT_UUID } from '../codecs/weight-measurement';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';
import type { GattCharacteristic } from './gatt-characteristic';
import { GattLineDriver } from './gatt-line-driver';

type WeightReading = MeasurementOf<'scale'>;
const KIND = 'scale';

/**
 * Weight Measurement (0x2A9D), in kilograms (the codec converts pounds). The weight must be plausible or the
 * reading is refused. BMI and height come from whoever was set up on the scale, not from the person on it:
 * 0 means the scale knows no height, and an implausible one (a height typed wrong) is refused and counted on
 * its own, so that the weight still shows, without them.
 */
export const WEIGHT: GattCharacteristic<WeightReading> = {
  kind: KIND,
  deviceName: 'scale',
  uuid: WEIGHT_MEASUREMENT_UUID,
  measure(value, gate) {
    const decoded = decodeWeightMeasurement(value);
    if (!decoded.ok) return decoded;
    const { kilograms, sentIn, takenAt, bmi, heightMetres } = decoded.value;
    if (!gate.admit(KIND, 'bodyWeight', kilograms)) return ok(null);
    const known = bmi !== null && heightMetres !== null && (bmi !== 0 || heightMetres !== 0);
    const admitted = known && [gate.admit(KIND, 'bodyMassIndex', bmi), gate.admit(KIND, 'height', heightMetres)].every(Boolean);
    return ok({
      kind: KIND, kilograms, sentIn, takenAt,
      bmi: admitted ? bmi : null,
      heightMetres: admitted ? heightMetres : null,
    });
  },
};

/** A scale behind a BLE-to-serial bridge (gatt-line-driver.ts): every plausible 0x2A9D reading it sends. */
export class ScaleDriver extends GattLineDriver<WeightReading> {
  constructor(transport: ByteTransport, logger: DeviceLogger, gate = new ReadingGate(logger)) {
    super(transport, WEIGHT, logger, gate);
  }
}
