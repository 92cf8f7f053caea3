import { EventEmitter } from 'node:events';
import { describeHidAddress, type HidAddress, type HidBinding, type HidDeviceHandle } from '../transports/hid-transport';

/**
 * A USB bus of simulated HID devices, standing in for node-hid: this machine (and CI) has neither
 * /dev/hidraw nor /dev/uhid, so HID is injected here rather than played from the far end of a kernel
 * node. It fails the way node-hid does: opening an absent device rejects with node-hid's message, an
 * unplugged device emits `error` on every open handle and sends nothing more, and a write to a closed
 * or unplugged handle rejects. A device plugged in again is a new device: old handles stay dead.
 */
export class SimulatedHidBus implements HidBinding {
  private readonly devices = new Map<string, SimulatedHidDevice>();

  /** Plugs a device in at `address` (a path, or a vendor and product id) and answers it, to play it. */
  plug(address: HidAddress): SimulatedHidDevice {
    const key = keyOf(address);
    this.devices.get(key)?.unplug();
    const device = new SimulatedHidDevice(() => this.devices.delete(key));
    this.devices.set(key, device);
    return device;
  }

  /** Pulls out whatever is plugged in at `address`, as a person pulling the cable; false when nothing was. */
  unplug(address: HidAddress): boolean {
    const device = this.devices.get(keyOf(address));
    device?.unplug();
    return device !== undefined;
  }

  async open(address: HidAddress): Promise<HidDeviceHandle> {
    await Promise.resolve(); // node-hid opens on its own thread: never before the caller's next line
    const device = this.devices.get(keyOf(address));
    if (!device) {
      throw new Error('path' in address
        ? `cannot open device with path ${address.path}`
        : `cannot open device with vendor id 0x${address.vendorId.toString(16)} and product id 0x${address.productId.toString(16)}: `
          + 'No HID devices with requested VID/PID found in the system.');
    }
    return device.openHandle();
  }

  async isPresent(address: HidAddress): Promise<boolean> {
    return this.devices.has(keyOf(address));
  }
}

const keyOf = (address: HidAddress): string => describeHidAddress(address);

/** One simulated device on the bus: the test or simulator sends its input reports and reads what the host wrote. */
export class SimulatedHidDevice {
  /** Output reports the host wrote, in order. */
  readonly written: Uint8Array[] = [];
  private readonly handles = new Set<SimulatedHandle>();
  private plugged = true;

  constructor(private readonly onUnplug: () => void) {}

  get pluggedIn(): boolean {
    return this.plugged;
  }

  /** How many handles are open on it: a transport that leaks handles shows here. */
  get openHandles(): number {
    return this.handles.size;
  }

  /** The device sends an input report to every open handle; false when nobody had it open. */
  sendReport(report: Uint8Array): boolean {
    if (!this.plugged || this.handles.size === 0) return false;
    for (const handle of this.handles) handle.emit('data', Buffer.from(report));
    return true;
  }

  /** Pulled out: every open handle gets node-hid's read error, then nothing. */
  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    this.onUnplug();
    for (const handle of this.handles) handle.emit('error', new Error('could not read data from device'));
  }

  /** @internal the bus opens handles. */
  openHandle(): HidDeviceHandle {
    const handle = new SimulatedHandle(this, () => this.handles.delete(handle));
    this.handles.add(handle);
    return handle;
  }

  /** @internal a handle writes through its device. */
  receive(report: Buffer): number {
    if (!this.plugged) throw new Error('Cannot write to hid device');
    this.written.push(Uint8Array.from(report));
    return report.length;
  }
}

class SimulatedHandle extends EventEmitter implements HidDeviceHandle {
  private closed = false;

  constructor(private readonly device: SimulatedHidDevice, private readonly forget: () => void) {
    super();
  }

  async write(report: Buffer): Promise<number> {
    if (this.closed) throw new TypeError('device has been closed');
    return this.device.receive(report);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.forget();
    this.removeAllListeners();
  }
}

/**
 * The host's own simulated bus: a profile's simulated HID devices are plugged in here (devices/registry.ts)
 * and their drivers open them here, in the same process, as node-hid opens real ones.
 */
export const simulatedHidBus = new SimulatedHidBus();
