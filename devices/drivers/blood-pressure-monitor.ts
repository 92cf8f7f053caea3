import { BLOOD_PRESSURE_FLAGS, type BloodPressureFlag, type MeasurementOf } from '../../common/measurements';
import { fail, ok } from '../../common/result';
import {
  BLOOD_PRESSURE_MEASUREMENT_UUID, decodeBloodPressureMeasurement, type BloodPressureStatus,
} from '../codecs/blood-pressure-measurement';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';
import type { GattCharacteristic } from './gatt-characteristic';
import { GattLineDriver } from './gatt-line-driver';

type BloodPressureReading = MeasurementOf<'bloodPressureMonitor'>;
const KIND = 'bloodPressureMonitor';

/**
 * What the monitor noticed, from its measurement status. The pulse range (bits 3–4) is left out: it
 * compares the pulse with limits someone set on the monitor, which is a judgement, not an observation.
 */
const flagsOf = (status: BloodPressureStatus | null): BloodPressureFlag[] =>
  status ? BLOOD_PRESSURE_FLAGS.filter((flag) => status[flag]) : [];

/**
 * Blood Pressure Measurement (0x2A35), in mmHg (the codec converts kPa). Every pressure, and the pulse when
 * sent, must be plausible; and the mean must lie between the diastolic and the systolic, which no working
 * monitor can get wrong: a value that breaks that is a bad frame, not a reading.
 */
export const BLOOD_PRESSURE: GattCharacteristic<BloodPressureReading> = {
  kind: KIND,
  deviceName: 'blood pressure monitor',
  uuid: BLOOD_PRESSURE_MEASUREMENT_UUID,
  measure(value, gate) {
    const decoded = decodeBloodPressureMeasurement(value);
    if (!decoded.ok) return decoded;
    const { systolicMmHg, diastolicMmHg, meanArterialMmHg, pulsePerMinute, sentIn, takenAt, status } = decoded.value;
    // Each quantity is asked before deciding, so that each implausible one is counted; the gate logs refusals.
    const admitted = [
      gate.admit(KIND, 'systolicPressure', systolicMmHg),
      gate.admit(KIND, 'diastolicPressure', diastolicMmHg),
      gate.admit(KIND, 'meanArterialPressure', meanArterialMmHg),
      pulsePerMinute === null || gate.admit(KIND, 'pulseRate', pulsePerMinute),
    ];
    if (!admitted.every(Boolean)) return ok(null);
    if (!(diastolicMmHg < systolicMmHg && diastolicMmHg <= meanArterialMmHg && meanArterialMmHg <= systolicMmHg)) {
      return fail('blood pressure measurement: the pressures are out of order (diastolic ≤ mean ≤ systolic)');
    }
    return ok({ kind: KIND, systolicMmHg, diastolicMmHg, meanArterialMmHg, pulsePerMinute, sentIn, flags: flagsOf(status), takenAt });
  },
};

/** A blood-pressure monitor behind a BLE-to-serial bridge (gatt-line-driver.ts): every plausible 0x2A35 reading it sends. */
export class BloodPressureMonitorDriver extends GattLineDriver<BloodPressureReading> {
  constructor(transport: ByteTransport, logger: DeviceLogger, gate = new ReadingGate(logger)) {
    super(transport, BLOOD_PRESSURE, logger, gate);
  }
}
