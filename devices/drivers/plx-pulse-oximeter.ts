import type { MeasurementOf, OximetryFlag } from '../../common/measurements';
import { fail, ok } from '../../common/result';
import { decodePlxSpotCheck, PLX_SPOT_CHECK_UUID, type PlxDeviceFlag, type PlxMeasurementFlag, type PlxSpotCheck } from '../codecs/plx-spot-check';
import type { DeviceLogger } from '../logger';
import { ReadingGate } from '../reading-gate';
import type { ByteTransport } from '../transports/byte-transport';
import type { GattCharacteristic } from './gatt-characteristic';
import { GattLineDriver } from './gatt-line-driver';

type OximeterMeasurement = MeasurementOf<'pulseOximeter'>;
const KIND = 'pulseOximeter';

/** Not yet this visit's final reading: waited past, without a word (the final record follows). */
const NOT_FINAL: readonly PlxMeasurementFlag[] = ['measurementOngoing', 'earlyEstimatedData', 'dataFromMeasurementStorage'];
/** The device itself says the values are no reading: refused, and counted against its health. */
const NO_READING: readonly (PlxMeasurementFlag | PlxDeviceFlag)[] = [
  'measurementUnavailable', 'invalidMeasurementDetected', 'calibrationOngoing', 'dataForTesting', 'dataForDemonstration',
  'equipmentMalfunctionDetected', 'sensorMalfunctioning', 'sensorDisconnected', 'sensorUnconnectedToUser', 'unknownSensorConnected',
];
/** What the oximeter noticed that a person may be told, as its observation (never a diagnosis). */
const NOTICED: Partial<Record<PlxMeasurementFlag | PlxDeviceFlag, OximetryFlag>> = {
  questionableMeasurementDetected: 'questionableMeasurement',
  lowPerfusionDetected: 'lowPerfusion',
  poorSignalDetected: 'weakSignal',
  inadequateSignalDetected: 'weakSignal',
  sensorDisplaced: 'sensorDisplaced',
};

const statusOf = (record: PlxSpotCheck): (PlxMeasurementFlag | PlxDeviceFlag)[] => [...record.measurementStatus ?? [], ...record.deviceStatus ?? []];

const flagsOf = (status: readonly (PlxMeasurementFlag | PlxDeviceFlag)[]): OximetryFlag[] =>
  [...new Set(status.flatMap((flag) => NOTICED[flag] ?? []))];

/**
 * PLX Spot-check Measurement (0x2A5E): SpO2 and pulse, both plausible, rounded to whole numbers as every
 * oximeter shows them. A record the device marks as not final (ongoing, early estimate, from its memory: an
 * earlier person's) is passed over; one it marks as no reading (unavailable, invalid, test data, a sensor
 * fault) is refused with the reason.
 */
export const PLX_SPOT_CHECK: GattCharacteristic<OximeterMeasurement> = {
  kind: KIND,
  deviceName: 'pulse oximeter',
  uuid: PLX_SPOT_CHECK_UUID,
  measure(value, gate) {
    const decoded = decodePlxSpotCheck(value);
    if (!decoded.ok) return decoded;
    const status = statusOf(decoded.value);
    if (status.some((flag) => NOT_FINAL.includes(flag as PlxMeasurementFlag))) return ok(null);
    const refusal = status.find((flag) => NO_READING.includes(flag));
    if (refusal) return fail(`PLX spot-check measurement: the oximeter says ${refusal}`);
    const spo2Percent = Math.round(decoded.value.spo2Percent);
    const pulsePerMinute = Math.round(decoded.value.pulsePerMinute);
    // Both are asked before deciding, so that each implausible quantity is counted; the gate logs refusals.
    const admitted = [gate.admit(KIND, 'spo2', spo2Percent), gate.admit(KIND, 'pulseRate', pulsePerMinute)];
    if (!admitted.every(Boolean)) return ok(null);
    return ok({ kind: KIND, spo2Percent, pulsePerMinute, flags: flagsOf(status) });
  },
};

/** A spot-check pulse oximeter behind a BLE-to-serial bridge (gatt-line-driver.ts): every plausible final 0x2A5E record. */
export class PlxPulseOximeterDriver extends GattLineDriver<OximeterMeasurement> {
  constructor(transport: ByteTransport, logger: DeviceLogger, gate = new ReadingGate(logger)) {
    super(transport, PLX_SPOT_CHECK, logger, gate);
  }
}
