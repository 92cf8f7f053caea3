import type { HidDeviceConfig, SerialPortConfig } from '../common/device-config';
import type { Disposer } from '../common/disposables';
import type { Measurement } from '../common/measurements';
import { fail, ok, type Result } from '../common/result';
import type { DeviceDriver } from './drivers/driver';
import type { GattCharacteristic } from './drivers/gatt-characteristic';
import { GattLineDriver } from './drivers/gatt-line-driver';
import { GattReportDriver } from './drivers/gatt-report-driver';
import type { DeviceLogger } from './logger';
import type { ReadingGate } from './reading-gate';
import { simulatedHidBus } from './simulators/simulated-hid-bus';
import { describeHidAddress, HidReportTransport } from './transports/hid-transport';
import { nodeHidBinding } from './transports/node-hid-binding';
import { SerialTransport } from './transports/serial-transport';

/** A device on USB HID: node-hid on a kiosk, the host's simulated bus when the profile simulates the device. */
export function hidTransportFor(hid: HidDeviceConfig, simulated: boolean, logger: DeviceLogger): HidReportTransport {
  return new HidReportTransport({ address: hid, binding: simulated ? simulatedHidBus : nodeHidBinding, logger });
}

/** A profile entry of a device sending GATT records: on a serial bridge or on USB HID (the schema makes sure of one). */
export interface GattDeviceConfig {
  serial?: SerialPortConfig;
  hid?: HidDeviceConfig;
  simulator?: unknown;
}

/**
 * The driver of a GATT device on the line its profile gives: SLIP frames on a serial line
 * (drivers/gatt-line-driver.ts) or one record per report on USB HID (drivers/gatt-report-driver.ts);
 * either way the same characteristic, gate and measurements.
 */
export function gattDriverFor<M extends Measurement>(
  { serial, hid, simulator }: GattDeviceConfig, characteristic: GattCharacteristic<M>, logger: DeviceLogger, gate: ReadingGate,
): DeviceDriver<M> {
  if (hid) return new GattReportDriver(hidTransportFor(hid, simulator !== undefined, logger), characteristic, logger, gate);
  if (!serial) throw new Error(`a ${characteristic.kind} entry has neither serial nor hid: the profile schema should have refused it`);
  return new GattLineDriver(new SerialTransport({ ...serial, logger }), characteristic, logger, gate);
}

/**
 * Plugs a simulated GATT device (made by `plug`, already sending) at the profile's `hid` address. Resolves
 * with what unplugs it, or with why it could not start.
 */
export async function plugGattSimulator(
  kind: string, hid: HidDeviceConfig | undefined, logger: DeviceLogger, plug: (address: HidDeviceConfig) => { close(): Promise<void> },
): Promise<Result<Disposer[]>> {
  if (!hid) return fail(`a ${kind} on a serial line is simulated on a pty, not on the HID bus`);
  const device = plug(hid);
  logger.info({ device: kind, address: describeHidAddress(hid) }, 'simulator started');
  return ok([() => device.close()]);
}
