import type { DeviceCommand } from '../../common/devices';
import type { Measurement } from '../../common/measurements';
import { ok, type Result } from '../../common/result';
import type { ByteTransport } from '../transports/byte-transport';
import { readyToMeasure, TransportDriver } from './transport-driver';

/**
 * What every driver on a byte line shares besides its transport (transport-driver.ts): it arms only when the
 * line is up. A subclass decodes its device's bytes (`receive`) and says what else its device needs when
 * armed (`armed`).
 */
export abstract class LineDriver<M extends Measurement> extends TransportDriver<M, ByteTransport> {
  constructor(transport: ByteTransport, private readonly deviceName: string) {
    super(transport);
    transport.on('data', (chunk) => this.receive(chunk));
  }

  async command(command: DeviceCommand): Promise<Result<void>> {
    if (command !== 'arm') return ok(undefined);
    const ready = readyToMeasure(this.transport.status, this.deviceName);
    if (ready.ok) this.armed();
    return ready;
  }

  /** Bytes in arrival order; a frame may span chunks. */
  protected abstract receive(chunk: Uint8Array): void;
  /** A step is about to measure; by default nothing more than a line that is up is needed. */
  protected armed(): void {}
}
