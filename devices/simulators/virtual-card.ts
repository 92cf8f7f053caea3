import { Socket } from 'node:net';
import { backoffDelayMs, type BackoffDelays } from '../../common/backoff';
import type { DeviceLogger } from '../logger';
import type { CardModel } from './card-models';

/** vpcd's control bytes (vsmartcard's virtual PCD): one-byte messages from the reader to the card. */
/** The only control a card answers: 00 power off, 01 power on and 02 reset expect no reply. */
const GET_ATR = 0x04;

export interface VirtualCardOptions {
  host: string;
  port: number;
  logger: DeviceLogger;
  /** Until vpcd listens (pcscd not started yet), the card tries again, as a person would. */
  retry?: BackoffDelays;
}

const DEFAULT_RETRY: BackoffDelays = { firstMs: 500, maxMs: 10_000 };

/**
 * A smart card in vpcd's virtual reader: the card is vpcd's TCP client, so connecting is inserting it and
 * closing the socket is pulling it out. Every message is a 2-byte big-endian length then its payload; a
 * one-byte payload is a control (power off, power on, reset, get ATR), a longer one a command APDU that
 * the card model answers. vpcd speaks first; pcscd polls with "get ATR" at any time.
 */
export class VirtualCard {
  private socket: Socket | null = null;
  private inserted = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pending = Buffer.alloc(0);

  constructor(private model: CardModel, private readonly options: VirtualCardOptions) {}

  /** Puts the card in the reader (connects to vpcd), and keeps it there until `remove()`. */
  insert(model: CardModel = this.model): void {
    this.model = model;
    if (this.inserted) return;
    this.inserted = true;
    this.connect();
  }

  /** Pulls the card out (closes the socket); resolves once it is out. Idempotent. */
  remove(): Promise<void> {
    this.inserted = false;
    clearTimeout(this.retryTimer);
    return this.drop();
  }

  private connect(): void {
    const socket = new Socket();
    this.socket = socket;
    this.pending = Buffer.alloc(0);
    socket.setNoDelay(true);
    socket.on('connect', () => {
      this.failures = 0;
      this.options.logger.info({ device: 'smartCardReader', address: `${this.options.host}:${this.options.port}` }, 'virtual card inserted');
    });
    socket.on('data', (chunk) => this.receive(socket, chunk));
    socket.on('error', () => {}); // 'close' follows, and says it
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!this.inserted) return;
      this.retryTimer = setTimeout(() => this.connect(), backoffDelayMs(this.options.retry ?? DEFAULT_RETRY, this.failures++));
    });
    socket.connect(this.options.port, this.options.host);
  }

  private receive(socket: Socket, chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 2) {
      const length = this.pending.readUInt16BE(0);
      if (this.pending.length < 2 + length) return;
      const message = this.pending.subarray(2, 2 + length);
      this.pending = this.pending.subarray(2 + length);
      const reply = this.reply(Uint8Array.from(message));
      if (reply === 'pulled') {
        void this.pullOutMidExchange();
        return;
      }
      if (reply) socket.write(Buffer.concat([Buffer.from([reply.length >> 8, reply.length & 0xff]), reply]));
    }
  }

  /** The answer to one message from vpcd: nothing for power and reset, the ATR, or the APDU's response. */
  private reply(message: Uint8Array): Uint8Array | null | 'pulled' {
    // Power off, power on and reset change nothing in a card that keeps no session; vpcd expects no reply.
    if (message.length === 1) return message[0] === GET_ATR ? this.model.atr : null;
    return this.model.answer(message) ?? 'pulled';
  }

  /** The model chose to be pulled out instead of answering: out, and back in only if asked to. */
  private async pullOutMidExchange(): Promise<void> {
    this.inserted = false;
    await this.drop();
  }

  private drop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }
}
