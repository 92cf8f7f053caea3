import type { HidDeviceConfig, SerialPortConfig, TcpEndpoint } from '../common/device-config';
import type { DeviceLogger } from './logger';
import type { ByteTransport } from './transports/byte-transport';
import { describeHidAddress } from './transports/hid-transport';
import { SerialTransport } from './transports/serial-transport';
import { TcpTransport } from './transports/tcp-transport';

/** The line a device is on, as its profile entry says: a serial port, an address on the network, a USB HID device. */
export type DeviceLine = ByteLine | { type: 'hid'; hid: HidDeviceConfig };
export type ByteLine = { type: 'serial'; serial: SerialPortConfig } | { type: 'tcp'; tcp: TcpEndpoint };

/** Every profile entry has `serial`, `tcp` (a network device) or `hid`; the schema makes sure of one of them. */
export function deviceLine(config: { serial?: SerialPortConfig; tcp?: TcpEndpoint; hid?: undefined }): ByteLine;
export function deviceLine(config: { serial?: SerialPortConfig; tcp?: TcpEndpoint; hid?: HidDeviceConfig }): DeviceLine;
export function deviceLine(config: { serial?: SerialPortConfig; tcp?: TcpEndpoint; hid?: HidDeviceConfig }): DeviceLine {
  if (config.tcp) return { type: 'tcp', tcp: config.tcp };
  if (config.serial) return { type: 'serial', serial: config.serial };
  if (config.hid) return { type: 'hid', hid: config.hid };
  throw new Error('a device entry has neither serial, tcp nor hid: the profile schema should have refused it');
}

/** A byte transport on `line` (a HID device moves reports, not bytes: transports/hid-transport.ts). */
export function transportOn(line: ByteLine, logger: DeviceLogger): ByteTransport {
  return line.type === 'tcp'
    ? new TcpTransport({ ...line.tcp, logger })
    : new SerialTransport({ ...line.serial, logger });
}

/** For the technician: the transport, where it leads, and a serial line's speed. */
export function describeLine(line: DeviceLine): { transport: DeviceLine['type']; path: string; baudRate?: number } {
  switch (line.type) {
    case 'tcp': return { transport: 'tcp', path: `${line.tcp.host}:${line.tcp.port}` };
    case 'serial': return { transport: 'serial', path: line.serial.path, baudRate: line.serial.baudRate };
    case 'hid': return { transport: 'hid', path: describeHidAddress(line.hid) };
  }
}

/**
 * Where `npm run devices -- simulate --port <where>` plays a device: a TCP port (`9100`, on loopback)
 * or `host:port` is a network address, anything else a serial path.
 */
export function lineAt(where: string): { tcp: { host: string; port: number } } | { serial: { path: string } } {
  const endpoint = /^(?:(?<host>[^/:]+):)?(?<port>\d{1,5})$/.exec(where);
  return endpoint ? { tcp: { host: endpoint.groups!.host ?? '127.0.0.1', port: Number(endpoint.groups!.port) } } : { serial: { path: where } };
}
