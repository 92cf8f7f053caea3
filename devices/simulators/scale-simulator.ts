import { ok, type Result } from '../../common/result';
import { dateTimeOf } from '../codecs/gatt-date-time';
import { encodeWeightMeasurement, WEIGHT_MEASUREMENT_UUID, type WeightReading } from '../codecs/weight-measurement';
import type { HidAddress } from '../transports/hid-transport';
import { around, GattBridge } from './gatt-bridge';
import type { SimulatedHidBus } from './simulated-hid-bus';

/** A reading as a test gives it: the codec's fields, with the device clock as a Date. */
export type SimulatedWeight = Omit<WeightReading, 'takenAt'> & { takenAt?: Date };

/**
 * A bathroom scale behind a BLE-to-serial bridge, played from the device side of a pty: every reading is a
 * real SLIP frame carrying a 0x2A9D Weight Measurement, so the driver cannot tell it from a device.
 * Or plugged into a simulated HID bus (`plug`), the same value in a GATT record report.
 */
export class ScaleSimulator {
  private constructor(private readonly bridge: GattBridge) {}

  /** Opens the device side of the line. */
  static async open(path: string, baudRate = 9600): Promise<Result<ScaleSimulator>> {
    const bridge = await GattBridge.open(path, baudRate, 'scale');
    return bridge.ok ? ok(new ScaleSimulator(bridge.value)) : bridge;
  }

  /** Plugs it into a simulated HID bus at `address`, sending GATT record reports instead of SLIP frames. */
  static plug(bus: SimulatedHidBus, address: HidAddress): ScaleSimulator {
    return new ScaleSimulator(GattBridge.plug(bus, address));
  }

  /** Sends one reading; resolves once the frame is handed to the pty. Throws a RangeError on a value the wire cannot carry. */
  sendReading({ takenAt, ...reading }: SimulatedWeight): Promise<Result<void>> {
    const value = encodeWeightMeasurement({ ...reading, takenAt: takenAt ? dateTimeOf(takenAt) : undefined });
    return this.bridge.notify(WEIGHT_MEASUREMENT_UUID, value);
  }

  /** Raw bytes, for tests that put line noise or a cut frame on the wire. */
  sendBytes(bytes: Uint8Array): Promise<Result<void>> {
    return this.bridge.sendBytes(bytes);
  }

  /**
   * For the demo: a reading every `everySeconds`, within ±0.3 kg of `kilograms`, with the current time and
   * no user profile (a public scale has none), as a scale sends it once the weight is steady.
   */
  startPeriodic(everySeconds: number, kilograms: number): void {
    this.bridge.startPeriodic(everySeconds, WEIGHT_MEASUREMENT_UUID,
      () => encodeWeightMeasurement({ kilograms: around(kilograms, 0.3, 1), takenAt: dateTimeOf(new Date()) }));
  }

  /** Stops periodic readings and releases the pty (unplugs it from a HID bus). Idempotent. */
  close(): Promise<void> {
    return this.bridge.close();
  }
}
