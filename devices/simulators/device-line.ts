import { fail, ok, type Result } from '../../common/result';
import { SerialTransport, type SerialTransportOptions } from '../transports/serial-transport';

/** Opens the device side of a line for a simulator named `name`; why it could not, as an error value. */
export async function openDeviceLine(options: SerialTransportOptions, name: string): Promise<Result<SerialTransport>> {
  const line = new SerialTransport(options);
  await line.open();
  if (line.status.state === 'ready') return ok(line);
  const reason = line.status.state === 'offline' ? line.status.reason : line.status.state;
  await line.close();
  return fail(`${name} simulator: ${reason}`);
}
