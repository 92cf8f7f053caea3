import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { BackoffDelays } from '../../common/backoff';
import { fail, ok, type Result } from '../../common/result';
import { silentLogger, type DeviceLogger } from '../logger';
import type { ByteTransport } from './byte-transport';
import { ReconnectingTransport } from './reconnecting-transport';

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  /**
   * Parity bit of each byte, `none` by default (8N1). A pty ignores it; a USB adapter talking to a device
   * that expects parity (the CMS50D+ runs 8O1) garbles every byte without it.
   */
  parity?: 'none' | 'odd' | 'even';
  /** Reconnect delays; the count of failures starts again once the line is open. */
  retry?: BackoffDelays;
  /** How often an open line checks that its device node is still the one it opened. */
  livenessMs?: number;
  logger?: DeviceLogger;
}

const DEFAULT_RETRY: BackoffDelays = { firstMs: 250, maxMs: 5_000 };

/** Which device node a path leads to now (through symlinks), or undefined if none. */
const deviceNodeOf = (path: string): Promise<string | undefined> =>
  stat(path).then((s) => `${s.dev}:${s.ino}`, () => undefined);

/** serialport prefixes its messages with "Error: "; a technician reads the rest. */
const reasonOf = (error: Error): string => error.message.replace(/^Error: /, '');

/**
 * A ByteTransport on a serial line (USB adapter, UART, or the kiosk side of a simulator's pty).
 * Reconnects with capped exponential backoff whenever the line cannot be opened or goes away.
 */
export class SerialTransport extends ReconnectingTransport implements ByteTransport {
  private readonly logger: DeviceLogger;
  private port: SerialPort | undefined;
  private livenessTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SerialTransportOptions) {
    super(options.retry ?? DEFAULT_RETRY);
    this.logger = options.logger ?? silentLogger;
  }

  async write(bytes: Uint8Array): Promise<Result<void>> {
    const port = this.port;
    // serialport would queue a write to a closed port until it reopens; the contract says fail now.
    if (!port?.isOpen || this.status.state !== 'ready') return fail(`cannot write to ${this.options.path}: not open`);
    return new Promise((resolve) => {
      port.write(Buffer.from(bytes), (error) => {
        resolve(error ? fail(`write to ${this.options.path} failed: ${reasonOf(error)}`) : ok(undefined));
      });
    });
  }

  protected async release(): Promise<void> {
    clearInterval(this.livenessTimer);
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  protected async tryOpen(): Promise<void> {
    const { path, baudRate, parity = 'none' } = this.options;
    const port = new SerialPort({ path, baudRate, parity, autoOpen: false });
    const error = await new Promise<Error | null>((resolve) => port.open(resolve));
    const node = error ? undefined : await deviceNodeOf(this.options.path);
    if (!this.wanted) {
      // close() was called meanwhile and is waiting for this attempt.
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
      return;
    }
    if (error) this.lost(reasonOf(error), await deviceNodeOf(path) === undefined);
    else this.opened(port, node);
  }

  private opened(port: SerialPort, node: string | undefined): void {
    this.port = port;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    // A read error closes the port with a DisconnectedError; 'end' is a quiet end of file. Both mean the line went.
    port.on('close', (error: Error | null) => void this.droppedOrGone(port, error ? reasonOf(error) : 'the port closed'));
    port.on('end', () => void this.droppedOrGone(port, 'the line reached end of file'));
    // Without a listener an 'error' event would crash the host; the close that follows drives the reconnect.
    port.on('error', (error) => {
      this.logger.warn({ path: this.options.path, reason: reasonOf(error) }, 'serial line error');
    });
    // When a pty's other end dies, Linux hangs the tty up and read() returns 0 for ever: serialport retries
    // in a loop and never reports it. So the line also counts as lost once its path leads elsewhere or nowhere.
    this.livenessTimer = setInterval(() => {
      void deviceNodeOf(this.options.path).then((now) => {
        if (now === undefined || now !== node) this.dropped(port, 'the device node went away', now === undefined);
      });
    }, this.options.livenessMs ?? 1_000);
    this.connected();
  }

  /** The line went without the liveness check seeing it: whether its node is still there says unplugged or failing. */
  private async droppedOrGone(port: SerialPort, reason: string): Promise<void> {
    const absent = await deviceNodeOf(this.options.path) === undefined;
    this.dropped(port, reason, absent);
  }

  private dropped(port: SerialPort, reason: string, absent = false): void {
    if (this.port !== port || !this.wanted) return; // our own close(), or a port already replaced
    clearInterval(this.livenessTimer);
    this.port = undefined;
    if (port.isOpen) port.close();
    this.lost(`lost ${this.options.path}: ${reason}`, absent);
  }
}
