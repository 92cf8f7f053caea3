import { ok, type Result } from '../../common/result';
import { encodeGattFrame } from '../codecs/gatt-frame';
import { encodeSlip } from '../codecs/slip';
import type { SerialTransport } from '../transports/serial-transport';
import { openDeviceLine } from './device-line';

/**
 * The far end of a BLE-to-serial bridge, for the simulators of GATT devices (thermometer, blood-pressure
 * monitor, scale): every value goes out as a real SLIP frame carrying its characteristic's UUID, so a
 * driver cannot tell it from a bridge. Also sends raw bytes (line noise) and runs a periodic reading.
 */
export class GattBridge {
  private periodic: NodeJS.Timeout | undefined;

  private constructor(private readonly line: SerialTransport) {}

  /** Opens the device side of the line; `name` says whose simulator failed to. */
  static async open(path: string, baudRate: number, name: string): Promise<Result<GattBridge>> {
    const line = await openDeviceLine({ path, baudRate }, name);
    return line.ok ? ok(new GattBridge(line.value)) : line;
  }

  /** Sends one characteristic value; resolves once the frame is handed to the pty. */
  notify(uuid: number, value: Uint8Array): Promise<Result<void>> {
    return this.sendBytes(encodeSlip(encodeGattFrame({ uuid, value })));
  }

  /** Raw bytes, for tests that put line noise or a cut frame on the wire. */
  sendBytes(bytes: Uint8Array): Promise<Result<void>> {
    return this.line.write(bytes);
  }

  /**
   * Calls `reading` every `everySeconds` and sends the value it makes; replaces any periodic readings
   * already running. A value the line cannot carry is lost, as it would be with a real device.
   */
  startPeriodic(everySeconds: number, uuid: number, reading: () => Uint8Array): void {
    this.stopPeriodic();
    this.periodic = setInterval(() => void this.notify(uuid, reading()), everySeconds * 1_000);
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

/** `base` give or take `spread`, rounded to `decimals`: a demo device's readings are never all the same. */
export const around = (base: number, spread: number, decimals = 0): number =>
  Math.round((base + (Math.random() * 2 - 1) * spread) * 10 ** decimals) / 10 ** decimals;
