import type { BodySite } from '../../common/measurements';
import { ok, type Result } from '../../common/result';
import { dateTimeOf } from '../codecs/gatt-date-time';
import { encodeTemperatureMeasurement, TEMPERATURE_MEASUREMENT_UUID } from '../codecs/temperature-measurement';
import type { HidAddress } from '../transports/hid-transport';
import { around, GattBridge } from './gatt-bridge';
import type { SimulatedHidBus } from './simulated-hid-bus';

export interface ReadingOptions {
  /** Put the value on the wire in Fahrenheit, as some consumer thermometers do. */
  fahrenheit?: boolean;
  site?: BodySite;
  /** The device clock at the time of the reading; no time stamp when absent. */
  takenAt?: Date;
  /**
   * The device's resolution as a power of ten (-2, 0.01°, by default). Tests that play a faulty device
   * raise it to put huge values on the wire: at 0.01° anything past ±83 886 °C does not fit and is sent as NRes.
   */
  exponent?: number;
}

const temperatureValue = (celsius: number, options: ReadingOptions): Uint8Array => encodeTemperatureMeasurement({
  celsius,
  fahrenheit: options.fahrenheit,
  site: options.site,
  takenAt: options.takenAt ? dateTimeOf(options.takenAt) : undefined,
  exponent: options.exponent,
});

/**
 * A BLE-to-serial thermometer bridge, played from the device side of a pty: every reading is a real
 * SLIP frame carrying a 0x2A1C Temperature Measurement, so the driver cannot tell it from a device.
 * Or plugged into a simulated HID bus (`plug`), the same value in a GATT record report.
 */
export class ThermometerSimulator {
  private constructor(private readonly bridge: GattBridge) {}

  /** Opens the device side of the line. */
  static async open(path: string, baudRate = 9600): Promise<Result<ThermometerSimulator>> {
    const bridge = await GattBridge.open(path, baudRate, 'thermometer');
    return bridge.ok ? ok(new ThermometerSimulator(bridge.value)) : bridge;
  }

  /** Plugs it into a simulated HID bus at `address`, sending GATT record reports instead of SLIP frames. */
  static plug(bus: SimulatedHidBus, address: HidAddress): ThermometerSimulator {
    return new ThermometerSimulator(GattBridge.plug(bus, address));
  }

  /** Sends one reading; resolves once the frame is handed to the pty. */
  sendReading(celsius: number, options: ReadingOptions = {}): Promise<Result<void>> {
    return this.bridge.notify(TEMPERATURE_MEASUREMENT_UUID, temperatureValue(celsius, options));
  }

  /**
   * For the demo: a reading every `everySeconds`, within ±0.2 °C of `baseCelsius`, taken at the ear with
   * the current time. Replaces any periodic readings already running.
   */
  startPeriodic(everySeconds: number, baseCelsius: number): void {
    this.bridge.startPeriodic(everySeconds, TEMPERATURE_MEASUREMENT_UUID,
      () => temperatureValue(around(baseCelsius, 0.2, 1), { site: 'ear', takenAt: new Date() }));
  }

  stopPeriodic(): void {
    this.bridge.stopPeriodic();
  }

  /** Stops periodic readings and releases the pty (unplugs it from a HID bus). Idempotent. */
  close(): Promise<void> {
    return this.bridge.close();
  }
}
