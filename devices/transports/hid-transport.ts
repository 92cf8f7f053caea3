import type { EventEmitter } from 'node:events';
import type { BackoffDelays } from '../../common/backoff';
import type { DeviceStatus } from '../../common/devices';
import { fail, ok, type Result } from '../../common/result';
import { silentLogger, type DeviceLogger } from '../logger';
import type { StatusEvents } from './byte-transport';
import { ReconnectingTransport } from './reconnecting-transport';

export interface HidTransportEvents extends StatusEvents {
  /**
   * One input report, whole: HID keeps report boundaries, unlike a byte line. A device with numbered
   * reports puts the report id first; one without sends the report's data alone (as hidraw gives it).
   */
  report: [report: Uint8Array];
  status: [status: DeviceStatus];
}

/** A HID device as the profile names it: by USB vendor and product id (the first match), or by its hidraw path. */
export type HidAddress = { vendorId: number; productId: number } | { path: string };

export const describeHidAddress = (address: HidAddress): string =>
  'path' in address ? address.path : `usb ${hex4(address.vendorId)}:${hex4(address.productId)}`;
const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/**
 * How reports move to and from one HID device. Same contract as ByteTransport (byte-transport.ts) with
 * reports instead of bytes: `open()` keeps the device open until `close()`, reconnecting with backoff;
 * `offline` with `absent` when the device is not plugged in; `write()` an output report (first byte the
 * report id, 0 when the device has none) or an error value when not `ready`; no `report` while not ready.
 */
export interface HidTransport extends EventEmitter<HidTransportEvents> {
  readonly status: DeviceStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  write(report: Uint8Array): Promise<Result<void>>;
}

/**
 * An open HID device, the subset of node-hid's `HIDAsync` this transport uses, so that a test binding can
 * stand in for it and fail the same way: an unplugged device emits `error` (and no more `data`) and stays
 * to be closed; `write` on a closed device rejects.
 */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(report: Buffer): Promise<number>;
  close(): Promise<void>;
}

/** What opens HID devices: node-hid on a kiosk (node-hid-binding.ts), a simulated bus in tests and demos. */
export interface HidBinding {
  /** Opens the device; rejects as node-hid does when it cannot (absent, no permission, the library failed to load). */
  open(address: HidAddress): Promise<HidDeviceHandle>;
  /** Whether the device is plugged in at all, to tell "absent" from "there but failing". */
  isPresent(address: HidAddress): Promise<boolean>;
}

export interface HidReportTransportOptions {
  address: HidAddress;
  binding: HidBinding;
  retry?: BackoffDelays;
  logger?: DeviceLogger;
}

const DEFAULT_RETRY: BackoffDelays = { firstMs: 500, maxMs: 5_000 };
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A HidTransport over a binding; the binding decides whether a real device or a simulated one answers. */
export class HidReportTransport extends ReconnectingTransport<HidTransportEvents> implements HidTransport {
  private readonly logger: DeviceLogger;
  private readonly where: string;
  private device: HidDeviceHandle | undefined;

  constructor(private readonly options: HidReportTransportOptions) {
    super(options.retry ?? DEFAULT_RETRY);
    this.logger = options.logger ?? silentLogger;
    this.where = describeHidAddress(options.address);
  }

  async write(report: Uint8Array): Promise<Result<void>> {
    const device = this.device;
    if (!device || this.status.state !== 'ready') return fail(`cannot write to ${this.where}: not open`);
    try {
      await device.write(Buffer.from(report));
      return ok(undefined);
    } catch (error) {
      return fail(`write to ${this.where} failed: ${reasonOf(error)}`);
    }
  }

  protected async release(): Promise<void> {
    const device = this.device;
    this.device = undefined;
    await device?.close().catch(() => {}); // a device already gone has nothing left to release
  }

  protected async tryOpen(): Promise<void> {
    const { address, binding } = this.options;
    let device: HidDeviceHandle;
    try {
      device = await binding.open(address);
    } catch (error) {
      if (!this.wanted) return;
      const present = await binding.isPresent(address).catch(() => false);
      if (this.wanted) this.lost(`cannot open ${this.where}: ${reasonOf(error)}`, !present);
      return;
    }
    if (!this.wanted) {
      // close() was called meanwhile and is waiting for this attempt.
      await device.close().catch(() => {});
      return;
    }
    this.device = device;
    device.on('data', (report) => {
      if (this.device === device) this.emit('report', Uint8Array.from(report));
    });
    // node-hid stops reading after an error (the device was unplugged) and leaves the handle to be closed.
    device.on('error', (error) => void this.dropped(device, reasonOf(error)));
    this.connected();
  }

  private async dropped(device: HidDeviceHandle, reason: string): Promise<void> {
    if (this.device !== device || !this.wanted) return;
    this.device = undefined;
    this.logger.warn({ device: this.where, reason }, 'HID device error');
    await device.close().catch(() => {});
    const present = await this.options.binding.isPresent(this.options.address).catch(() => false);
    if (this.wanted) this.lost(`lost ${this.where}: ${reason}`, !present);
  }
}
