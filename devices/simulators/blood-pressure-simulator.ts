import { ok, type Result } from '../../common/result';
import {
  BLOOD_PRESSURE_MEASUREMENT_UUID, encodeBloodPressureMeasurement, type BloodPressureReading,
} from '../codecs/blood-pressure-measurement';
import { dateTimeOf } from '../codecs/gatt-date-time';
import type { HidAddress } from '../transports/hid-transport';
import { around, GattBridge } from './gatt-bridge';
import type { SimulatedHidBus } from './simulated-hid-bus';

/** A reading as a test or the demo gives it: the codec's fields, with the device clock as a Date. */
export type SimulatedBloodPressure = Omit<BloodPressureReading, 'takenAt'> & { takenAt?: Date };

/** What the demo's monitor measures, give or take a little each time. */
export interface PeriodicBloodPressure {
  systolic: number;
  diastolic: number;
  pulse: number;
  irregularPulse: boolean;
}

/** The usual estimate of the mean: a third of the way from the diastolic to the systolic. */
const meanOf = (systolic: number, diastolic: number): number => Math.round(diastolic + (systolic - diastolic) / 3);

/**
 * A blood-pressure monitor behind a BLE-to-serial bridge, played from the device side of a pty: every
 * reading is a real SLIP frame carrying a 0x2A35 Blood Pressure Measurement, so the driver cannot tell
 * it from a device.
 * Or plugged into a simulated HID bus (`plug`), the same value in a GATT record report.
 */
export class BloodPressureSimulator {
  private constructor(private readonly bridge: GattBridge) {}

  /** Opens the device side of the line. */
  static async open(path: string, baudRate = 9600): Promise<Result<BloodPressureSimulator>> {
    const bridge = await GattBridge.open(path, baudRate, 'blood pressure monitor');
    return bridge.ok ? ok(new BloodPressureSimulator(bridge.value)) : bridge;
  }

  /** Plugs it into a simulated HID bus at `address`, sending GATT record reports instead of SLIP frames. */
  static plug(bus: SimulatedHidBus, address: HidAddress): BloodPressureSimulator {
    return new BloodPressureSimulator(GattBridge.plug(bus, address));
  }

  /** Sends one reading; resolves once the frame is handed to the pty. Throws a RangeError on a value the wire cannot carry. */
  sendReading({ takenAt, ...reading }: SimulatedBloodPressure): Promise<Result<void>> {
    const value = encodeBloodPressureMeasurement({ ...reading, takenAt: takenAt ? dateTimeOf(takenAt) : undefined });
    return this.bridge.notify(BLOOD_PRESSURE_MEASUREMENT_UUID, value);
  }

  /** Raw bytes, for tests that put line noise or a cut frame on the wire. */
  sendBytes(bytes: Uint8Array): Promise<Result<void>> {
    return this.bridge.sendBytes(bytes);
  }

  /**
   * For the demo: a reading every `everySeconds`, as a monitor sends it at the end of a measurement, in
   * mmHg with the pulse, the current time and a measurement status (irregular pulse when asked).
   */
  startPeriodic(everySeconds: number, { systolic, diastolic, pulse, irregularPulse }: PeriodicBloodPressure): void {
    this.bridge.startPeriodic(everySeconds, BLOOD_PRESSURE_MEASUREMENT_UUID, () => {
      const high = around(systolic, 4);
      const low = Math.min(around(diastolic, 3), high - 10);
      return encodeBloodPressureMeasurement({
        systolicMmHg: high, diastolicMmHg: low, meanArterialMmHg: meanOf(high, low), pulsePerMinute: around(pulse, 3),
        takenAt: dateTimeOf(new Date()), status: { irregularPulse },
      });
    });
  }

  /** Stops periodic readings and releases the pty (unplugs it from a HID bus). Idempotent. */
  close(): Promise<void> {
    return this.bridge.close();
  }
}
