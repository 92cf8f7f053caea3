import type { BodySite } from '../../common/measurements';
import { fail, ok, type Result } from '../../common/result';
import { dateTimeOf } from '../codecs/gatt-date-time';
import { encodeGattFrame } from '../codecs/gatt-frame';
import { encodeSlip } from '../codecs/slip';
import { encodeTemperatureMeasurement, TEMPERATURE_MEASUREMENT_UUID } from '../codecs/temperature-measurement';
import { SerialTransport } from '../transports/serial-transport';

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

/**
 * A BLE-to-serial thermometer bridge, played from the device side of a pty: every reading is a real
 * SLIP frame carrying a 0x2A1C Temperature Measurement, so the driver cannot tell it from a device.
 */
export class ThermometerSimulator {
  private periodic: NodeJS.Timeout | undefined;

  private constructor(private readonly line: SerialTransport) {}

  /** Opens the device side of the line. */
  static async open(path: string, baudRate = 9600): Promise<Result<ThermometerSimulator>> {
    const line = new SerialTransport({ path, baudRate });
    await line.open();
    if (line.status.state === 'ready') return ok(new ThermometerSimulator(line));
    const reason = line.status.state === 'offline' ? line.status.reason : line.status.state;
    await line.close();
    return fail(`thermometer simulator: ${reason}`);
  }

  /** Sends one reading; resolves once the frame is handed to the pty. */
  sendReading(celsius: number, options: ReadingOptions = {}): Promise<Result<void>> {
    const value = encodeTemperatureMeasurement({
      celsius,
      fahrenheit: options.fahrenheit,
      site: options.site,
      takenAt: options.takenAt ? dateTimeOf(options.takenAt) : undefined,
      exponent: options.exponent,
    });
    return this.line.write(encodeSlip(encodeGattFrame({ uuid: TEMPERATURE_MEASUREMENT_UUID, value })));
  }

  /**
   * For the demo: a reading every `everySeconds`, within ±0.2 °C of `baseCelsius`, taken at the ear with
   * the current time. Replaces any periodic readings already running.
   */
  startPeriodic(everySeconds: number, baseCelsius: number): void {
    this.stopPeriodic();
    this.periodic = setInterval(() => {
      const celsius = Math.round((baseCelsius + (Math.random() - 0.5) * 0.4) * 10) / 10;
      // A reading the line cannot carry is lost, as it would be with a real device.
      void this.sendReading(celsius, { site: 'ear', takenAt: new Date() });
    }, everySeconds * 1_000);
  }

  stopPeriodic(): void {
    clearInterval(this.periodic);
    this.periodic = undefined;
  }

  /** Stops periodic readings and releases the pty. Idempotent. */
  async close(): Promise<void> {
    this.stopPeriodic();
    await this.line.close();
  }
}
