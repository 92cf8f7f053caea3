import { fail, ok, type Result } from '../../common/result';
import { CLOSED, StatusHolder, type ByteTransport } from './byte-transport';

/**
 * An in-memory ByteTransport for unit tests. It keeps the real contract, including the failures: writes
 * while not ready fail, bytes sent by a device that is not connected are lost, `close()` reports offline.
 * The test plays the device with `deviceSends`, `deviceDisconnects` and `deviceReconnects`.
 */
export class MemoryTransport extends StatusHolder implements ByteTransport {
  /** Everything the driver wrote, in order. */
  readonly written: Uint8Array[] = [];
  private wanted = false;
  private present: boolean;

  /** `present: false` starts with the device unplugged: `open()` then reports offline until it reconnects. */
  constructor(options: { present?: boolean } = {}) {
    super();
    this.present = options.present ?? true;
  }

  async open(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    this.setStatus({ state: 'connecting' });
    await Promise.resolve(); // a real port becomes ready asynchronously, after open() has returned to its caller
    if (!this.wanted) return; // closed meanwhile
    this.setStatus(this.present ? { state: 'ready' } : { state: 'offline', reason: 'no device' });
  }

  async close(): Promise<void> {
    this.wanted = false;
    this.setStatus(CLOSED);
  }

  async write(bytes: Uint8Array): Promise<Result<void>> {
    if (this.status.state !== 'ready') return fail(`cannot write: the link is ${this.status.state}`);
    this.written.push(Uint8Array.from(bytes));
    return ok(undefined);
  }

  /** The device sends bytes; returns false when nobody could receive them. */
  deviceSends(bytes: Uint8Array): boolean {
    if (this.status.state !== 'ready') return false;
    this.emit('data', Uint8Array.from(bytes));
    return true;
  }

  deviceDisconnects(reason = 'device unplugged'): void {
    this.present = false;
    if (this.wanted) this.setStatus({ state: 'offline', reason });
  }

  /** The device comes back; an open transport reconnects at once, as the serial one does after its backoff. */
  deviceReconnects(): void {
    this.present = true;
    if (this.wanted) this.setStatus({ state: 'ready' });
  }
}
