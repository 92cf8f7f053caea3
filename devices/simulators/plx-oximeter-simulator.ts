import { ok, type Result } from '../../common/result';
import { dateTimeOf } from '../codecs/gatt-date-time';
import { encodePlxSpotCheck, PLX_SPOT_CHECK_UUID, type PlxSpotCheckReading } from '../codecs/plx-spot-check';
import type { HidAddress } from '../transports/hid-transport';
import { around, GattBridge } from './gatt-bridge';
import type { SimulatedHidBus } from './simulated-hid-bus';

/** A record as a test gives it: the codec's fields, with the device clock as a Date. */
export type SimulatedSpotCheck = Omit<PlxSpotCheckReading, 'takenAt'> & { takenAt?: Date };

/**
 * A spot-check pulse oximeter behind a BLE-to-serial bridge, played from the device side of a pty: every
 * record is a real SLIP frame carrying a 0x2A5E PLX Spot-check Measurement, so the driver cannot tell it
 * from a device.
 * Or plugged into a simulated HID bus (`plug`), the same value in a GATT record report.
 */
export class PlxOximeterSimulator {
  private constructor(private readonly bridge: GattBridge) {}

  /** Opens the device side of the line. */
  static async open(path: string, baudRate = 9600): Promise<Result<PlxOximeterSimulator>> {
    const bridge = await GattBridge.open(path, baudRate, 'PLX oximeter');
    return bridge.ok ? ok(new PlxOximeterSimulator(bridge.value)) : bridge;
  }

  /** Plugs it into a simulated HID bus at `address`, sending GATT record reports instead of SLIP frames. */
  static plug(bus: SimulatedHidBus, address: HidAddress): PlxOximeterSimulator {
    return new PlxOximeterSimulator(GattBridge.plug(bus, address));
  }

  /** Sends one record; resolves once the frame is handed to the pty. Throws a RangeError on a value the wire cannot carry. */
  sendRecord({ takenAt, ...record }: SimulatedSpotCheck): Promise<Result<void>> {
    return this.bridge.notify(PLX_SPOT_CHECK_UUID, encodePlxSpotCheck({ ...record, takenAt: takenAt ? dateTimeOf(takenAt) : undefined }));
  }

  /** Raw bytes, for tests that put line noise or a cut frame on the wire. */
  sendBytes(bytes: Uint8Array): Promise<Result<void>> {
    return this.bridge.sendBytes(bytes);
  }

  /**
   * For the demo: a record every `everySeconds`, SpO2 within ±1 and pulse within ±3 of the given ones, with
   * the current time and a validated measurement status, as an oximeter sends it once its reading settles.
   */
  startPeriodic(everySeconds: number, { spo2, pulse }: { spo2: number; pulse: number }): void {
    this.bridge.startPeriodic(everySeconds, PLX_SPOT_CHECK_UUID, () => encodePlxSpotCheck({
      spo2Percent: Math.min(100, around(spo2, 1)), pulsePerMinute: around(pulse, 3),
      takenAt: dateTimeOf(new Date()), measurementStatus: ['validatedData'], deviceStatus: [],
    }));
  }

  /** Stops periodic records and releases the pty (unplugs it from a HID bus). Idempotent. */
  close(): Promise<void> {
    return this.bridge.close();
  }
}
