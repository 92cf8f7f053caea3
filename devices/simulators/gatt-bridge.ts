import { fail, ok, type Result } from '../../common/result';
import { encodeGattFrame } from '../codecs/gatt-frame';
import { encodeGattReport } from '../codecs/gatt-report';
import { encodeSlip } from '../codecs/slip';
import type { HidAddress } from '../transports/hid-transport';
import { openDeviceLine } from './device-line';
import type { SimulatedHidBus } from './simulated-hid-bus';

/** Where a simulated GATT device puts its records: the wire it is on, with that wire's own framing. */
interface GattWire {
  /** One record, framed as this wire carries it. */
  notify(uuid: number, value: Uint8Array): Promise<Result<void>>;
  /** Raw bytes: line noise on a serial line, one whole report on HID. */
  sendBytes(bytes: Uint8Array): Promise<Result<void>>;
  close(): Promise<void>;
}

/**
 * The far end of a GATT device's wire, for the simulators of GATT devices (thermometer, blood-pressure
 * monitor, scale, PLX oximeter): a BLE-to-serial bridge sending real SLIP frames of UUID and value, or a
 * USB HID device on the simulated bus sending one GATT record report each (codecs/gatt-report.ts), so a
 * driver cannot tell it from a device. Also sends raw bytes and runs a periodic reading.
 */
export class GattBridge {
  private periodic: NodeJS.Timeout | undefined;

  private constructor(private readonly wire: GattWire) {}

  /** Opens the device side of a serial line; `name` says whose simulator failed to. */
  static async open(path: string, baudRate: number, name: string): Promise<Result<GattBridge>> {
    const line = await openDeviceLine({ path, baudRate }, name);
    if (!line.ok) return line;
    return ok(new GattBridge({
      notify: (uuid, value) => line.value.write(encodeSlip(encodeGattFrame({ uuid, value }))),
      sendBytes: (bytes) => line.value.write(bytes),
      close: () => line.value.close(),
    }));
  }

  /** Plugs a device into `bus` at `address`: what its driver opens there reads its reports. */
  static plug(bus: SimulatedHidBus, address: HidAddress): GattBridge {
    const device = bus.plug(address);
    // As with a real device, a report nobody reads (no handle open, unplugged) is lost.
    const send = (report: Uint8Array): Promise<Result<void>> =>
      Promise.resolve(device.sendReport(report) ? ok(undefined) : fail('nobody has the simulated HID device open'));
    return new GattBridge({
      notify: (uuid, value) => send(encodeGattReport({ uuid, value })),
      sendBytes: send,
      close: async () => device.unplug(),
    });
  }

  /** Sends one characteristic value; resolves once the frame is handed to the pty, or the report to the bus. */
  notify(uuid: number, value: Uint8Array): Promise<Result<void>> {
    return this.wire.notify(uuid, value);
  }

  /** Raw bytes, for tests that put line noise, a cut frame or a bad report on the wire. */
  sendBytes(bytes: Uint8Array): Promise<Result<void>> {
    return this.wire.sendBytes(bytes);
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

  /** Stops periodic readings and releases the pty, or unplugs the HID device. Idempotent. */
  async close(): Promise<void> {
    this.stopPeriodic();
    await this.wire.close();
  }
}

/** `base` give or take `spread`, rounded to `decimals`: a demo device's readings are never all the same. */
export const around = (base: number, spread: number, decimals = 0): number =>
  Math.round((base + (Math.random() * 2 - 1) * spread) * 10 ** decimals) / 10 ** decimals;
