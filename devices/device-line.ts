import type { SerialPortConfig, TcpEndpoint } from '../common/device-config';
import type { DeviceLogger } from './logger';
import type { ByteTransport } from './transports/byte-transport';
import { SerialTransport } from './transports/serial-transport';
import { TcpTransport } from './transports/tcp-transport';

/** The line a device is on, as its profile entry says: a serial port, or an address on the network. */
export type DeviceLine = { type: 'serial'; serial: SerialPortConfig } | { type: 'tcp'; tcp: TcpEndpoint };

/** Every profile entry has `serial`, or (a network device) `tcp`; the schema makes sure of one of them. */
export function deviceLine(config: { serial?: SerialPortConfig; tcp?: TcpEndpoint }): DeviceLine {
  if (config.tcp) return { type: 'tcp', tcp: config.tcp };
  if (config.serial) return { type: 'serial', serial: config.serial };
  throw new Error('a device entry has neither serial nor tcp: the profile schema should have refused it');
}

/** A transport on `line`. */
export function transportOn(line: DeviceLine, logger: DeviceLogger): ByteTransport {
  return line.type === 'tcp'
    ? new TcpTransport({ ...line.tcp, logger })
    : new SerialTransport({ ...line.serial, logger });
}

/** For the technician: the transport, where it leads, and a serial line's speed. */
export function describeLine(line: DeviceLine): { transport: 'serial' | 'tcp'; path: string; baudRate?: number } {
  return line.type === 'tcp'
    ? { transport: 'tcp', path: `${line.tcp.host}:${line.tcp.port}` }
    : { transport: 'serial', path: line.serial.path, baudRate: line.serial.baudRate };
}

/**
 * Where `npm run devices -- simulate --port <where>` plays a device: a TCP port (`9100`, on loopback)
 * or `host:port` is a network address, anything else a serial path.
 */
export function lineAt(where: string): { tcp: { host: string; port: number } } | { serial: { path: string } } {
  const endpoint = /^(?:(?<host>[^/:]+):)?(?<port>\d{1,5})$/.exec(where);
  return endpoint ? { tcp: { host: endpoint.groups!.host ?? '127.0.0.1', port: Number(endpoint.groups!.port) } } : { serial: { path: where } };
}
