import { backoffDelayMs, type BackoffDelays } from '../../common/backoff';
import { CLOSED, StatusHolder, type ByteTransportEvents, type StatusEvents } from './byte-transport';

/**
 * What the transports that keep a line up share (serial, TCP, HID): `open()` makes the first attempt, and
 * a line that cannot be opened or goes away is tried again with capped exponential backoff until
 * `close()`. While retrying the status stays offline (no `connecting` blink every few seconds); only
 * the reason may change. A subclass makes one attempt (`tryOpen`, ending in `connected()` or `lost()`)
 * and lets go of its line (`release`).
 */
export abstract class ReconnectingTransport<E extends StatusEvents & Record<keyof E, unknown[]> = ByteTransportEvents> extends StatusHolder<E> {
  /** Between open() and close(): an attempt that ends after close() lets go of what it opened. */
  protected wanted = false;
  private attempt: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(private readonly retry: BackoffDelays) {
    super();
  }

  async open(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    this.setStatus({ state: 'connecting' });
    await this.connect();
  }

  async close(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.cutAttemptShort();
    await this.attempt;
    await this.release();
    this.failures = 0;
    this.setStatus(CLOSED);
  }

  /** One attempt to open the line, ending in `connected()` or `lost()` unless `close()` came meanwhile. */
  protected abstract tryOpen(): Promise<void>;
  /** Lets go of the open line, if any. */
  protected abstract release(): Promise<void>;
  /** An attempt that may take long (a TCP connect) is given up at once when the line is closed. */
  protected cutAttemptShort(): void {}

  /** The line is up: the count of failures starts again. */
  protected connected(): void {
    this.failures = 0;
    this.setStatus({ state: 'ready' });
  }

  /** `absent`: nothing is there at all (unplugged, wrong path or address), as opposed to something there that fails. */
  protected lost(reason: string, absent: boolean): void {
    this.setStatus(absent ? { state: 'offline', reason, absent } : { state: 'offline', reason });
    const delay = backoffDelayMs(this.retry, this.failures++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
  }

  private connect(): Promise<void> {
    this.attempt = this.tryOpen();
    return this.attempt;
  }
}
