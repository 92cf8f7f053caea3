import { connect, type Socket } from 'node:net';
import type { BackoffDelays } from '../../common/backoff';
import { fail, ok, type Result } from '../../common/result';
import { durationWords } from '../duration-words';
import { silentLogger, type DeviceLogger } from '../logger';
import type { ByteTransport } from './byte-transport';
import { ReconnectingTransport } from './reconnecting-transport';

export interface TcpTransportOptions {
  host: string;
  port: number;
  /** Reconnect delays; the count of failures starts again once connected. */
  retry?: BackoffDelays;
  /** A host that drops packets never refuses: an attempt not connected within this is given up. */
  connectTimeoutMs?: number;
  /**
   * Bytes written but not yet taken by the OS. A peer that stops reading would otherwise make Borne
   * buffer without bound: a write that finds more than this still waiting is refused, and the
   * connection dropped and made again. So at most this plus one write is ever held.
   */
  maxUnsentBytes?: number;
  /** A write the OS has not taken within this means the peer stopped reading: the connection is dropped. */
  writeTimeoutMs?: number;
  /** Keep-alive probes start after this much silence, so that a peer gone without a word is noticed. */
  keepAliveMs?: number;
  logger?: DeviceLogger;
}

const DEFAULTS = { retry: { firstMs: 250, maxMs: 5_000 }, connectTimeoutMs: 5_000, maxUnsentBytes: 64 * 1024, writeTimeoutMs: 10_000, keepAliveMs: 5_000 };

/** Why a connection failed, in words a technician can act on; `absent` when nothing answers at the address. */
function connectFailure(error: NodeJS.ErrnoException, host: string, address: string): { reason: string; absent: boolean } {
  switch (error.code) {
    case 'ECONNREFUSED': return { reason: `nothing listens at ${address} (connection refused): is the device on, and are its address and port right?`, absent: true };
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return { reason: `unknown host ${host}: check the device's address in the profile`, absent: true };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH': return { reason: `${host} cannot be reached (${error.code}): check the network cable and the device's address`, absent: true };
    case 'ECONNRESET': return { reason: `${address} reset the connection as it was made: does another program hold the device?`, absent: false };
    case 'ETIMEDOUT': return { reason: `${address} does not answer: is the device on, and on this network?`, absent: true };
    default: return { reason: `cannot connect to ${address}: ${error.message}`, absent: false };
  }
}

/** Why an open connection went away. */
function dropReason(error: NodeJS.ErrnoException | undefined): string {
  if (!error) return 'the device closed the connection';
  if (error.code === 'ECONNRESET') return 'the device reset the connection';
  if (error.code === 'EPIPE') return 'the device closed the connection while Borne was writing';
  if (error.code === 'ETIMEDOUT') return 'the device stopped answering (keep-alive timed out)';
  return error.message;
}

/**
 * A ByteTransport on a TCP connection: a network receipt printer's raw port (9100), or a simulator on
 * loopback. Reconnects with capped exponential backoff whenever the connection cannot be made or goes
 * away: refused, reset, closed by the peer, silent (keep-alive), or stuck (a peer that stops reading).
 */
export class TcpTransport extends ReconnectingTransport implements ByteTransport {
  private readonly settings: Omit<typeof DEFAULTS, 'retry'>;
  private readonly logger: DeviceLogger;
  private socket: Socket | undefined;
  /** The attempt under way, which close() cuts short rather than wait for its timeout. */
  private connecting: Socket | undefined;

  constructor(private readonly options: TcpTransportOptions) {
    super(options.retry ?? DEFAULTS.retry);
    this.settings = {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      maxUnsentBytes: options.maxUnsentBytes ?? DEFAULTS.maxUnsentBytes,
      writeTimeoutMs: options.writeTimeoutMs ?? DEFAULTS.writeTimeoutMs,
      keepAliveMs: options.keepAliveMs ?? DEFAULTS.keepAliveMs,
    };
    this.logger = options.logger ?? silentLogger;
  }

  get address(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  /** Bytes handed to `write()` that the OS has not taken yet; never more than `maxUnsentBytes` and one write. */
  get unsentBytes(): number {
    return this.socket?.writableLength ?? 0;
  }


  async write(bytes: Uint8Array): Promise<Result<void>> {
    const socket = this.socket;
    if (!socket || this.status.state !== 'ready') return fail(`cannot write to ${this.address}: not connected`);
    if (socket.writableLength > this.settings.maxUnsentBytes) {
      const reason = `the device stopped reading (${Math.ceil(socket.writableLength / 1024)} KB not taken)`;
      this.dropped(socket, reason);
      return fail(`cannot write to ${this.address}: ${reason}`);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.dropped(socket, `the device stopped reading (nothing taken for ${durationWords(this.settings.writeTimeoutMs)})`);
        resolve(fail(`write to ${this.address} timed out: the device stopped reading`));
      }, this.settings.writeTimeoutMs);
      socket.write(bytes, (error) => {
        clearTimeout(timer);
        resolve(error ? fail(`write to ${this.address} failed: ${dropReason(error)}`) : ok(undefined));
      });
    });
  }

  protected override cutAttemptShort(): void {
    this.connecting?.destroy();
  }

  protected async release(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) await destroyed(socket);
  }

  protected tryOpen(): Promise<void> {
    const { host, port } = this.options;
    return new Promise((resolve) => {
      const socket = connect({ host, port, noDelay: true, keepAlive: true, keepAliveInitialDelay: this.settings.keepAliveMs });
      this.connecting = socket;
      let failure = { reason: `${this.address} does not answer: is the device on, and on this network?`, absent: true };
      const timer = setTimeout(() => socket.destroy(), this.settings.connectTimeoutMs);
      // Every failed attempt ends in 'close': after an error, a timeout, or close() giving up on it.
      const onError = (error: NodeJS.ErrnoException): void => void (failure = connectFailure(error, host, this.address));
      const onClose = (): void => {
        clearTimeout(timer);
        this.connecting = undefined;
        if (this.wanted) this.lost(failure.reason, failure.absent);
        resolve();
      };
      socket.on('error', onError);
      socket.once('close', onClose);
      socket.once('connect', () => {
        clearTimeout(timer);
        this.connecting = undefined;
        socket.off('error', onError);
        socket.off('close', onClose);
        if (this.wanted) this.opened(socket);
        else socket.destroy();
        resolve();
      });
    });
  }

  private opened(socket: Socket): void {
    this.socket = socket;
    let lastError: NodeJS.ErrnoException | undefined;
    socket.on('data', (chunk: Buffer) => this.emit('data', chunk));
    socket.on('error', (error) => {
      lastError = error;
      this.logger.warn({ address: this.address, reason: dropReason(error) }, 'network device error');
    });
    // 'close' follows every end: the peer's, a reset, a keep-alive timeout, our own destroy().
    socket.on('close', () => this.dropped(socket, dropReason(lastError)));
    this.connected();
  }

  private dropped(socket: Socket, reason: string): void {
    if (this.socket !== socket || !this.wanted) return; // our own close(), or a socket already replaced
    this.socket = undefined;
    socket.destroy();
    this.lost(`lost ${this.address}: ${reason}`, false);
  }
}

/** Destroys `socket` and resolves once it is closed. */
function destroyed(socket: Socket): Promise<void> {
  if (socket.closed) return Promise.resolve();
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.destroy();
  });
}
