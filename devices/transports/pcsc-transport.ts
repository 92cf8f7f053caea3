import type pcsclite from 'pcsclite';
import type { BackoffDelays } from '../../common/backoff';
import { fail, ok, type Result } from '../../common/result';
import type { DeviceLogger } from '../logger';
import { ReconnectingTransport } from './reconnecting-transport';
import type { SmartCardTransport, SmartCardTransportEvents } from './smart-card-transport';

type PcscLite = ReturnType<typeof pcsclite>;
type CardReader = Parameters<Extract<Parameters<PcscLite['on']>[1], (reader: never) => void>>[0];

export interface PcscTransportOptions {
  /** The reader's name as pcscd lists it, or its beginning ("Virtual PCD 00 00", "Gemalto PC Twin Reader"). */
  reader: string;
  logger: DeviceLogger;
  retry?: BackoffDelays;
}

const DEFAULT_RETRY: BackoffDelays = { firstMs: 1_000, maxMs: 30_000 };
/** A short response APDU: 256 data bytes and the status word. */
const RESPONSE_BUFFER = 258;
const NO_PCSCD = 'pcscd is not running (the PC/SC service): install it (build/system-packages.sh) and start it with systemctl start pcscd';

/**
 * The SmartCardTransport over pcscd through the pcsclite binding. pcscd being away is `absent`, as is the
 * reader; either way the context is dropped and made again with backoff (reconnecting-transport.ts), so
 * both come back without anyone restarting the kiosk. Only reader names and states are logged.
 */
export class PcscTransport extends ReconnectingTransport<SmartCardTransportEvents> implements SmartCardTransport {
  private pcsc: PcscLite | null = null;
  private reader: CardReader | null = null;
  private readerState = 0;
  private protocol: number | null = null;

  constructor(private readonly options: PcscTransportOptions) {
    super(options.retry ?? DEFAULT_RETRY);
  }

  transmit(apdu: Uint8Array): Promise<Result<Uint8Array>> {
    const { reader, protocol } = this;
    if (!reader || this.status.state !== 'ready') return Promise.resolve(fail(`the reader is not ready: ${this.status.state}`));
    if (protocol === null) return Promise.resolve(fail('no card in the reader'));
    return new Promise((resolve) => {
      reader.transmit(Buffer.from(apdu), RESPONSE_BUFFER, protocol, (error: unknown, response: Buffer) => {
        resolve(error ? fail(`the exchange with the card failed: ${messageOf(error)}`) : ok(Uint8Array.from(response)));
      });
    });
  }

  protected async tryOpen(): Promise<void> {
    let pcsc: PcscLite;
    try {
      // Loaded here, not at the top: a kiosk whose binding did not build (no libpcsclite) still starts.
      const binding = (await import('pcsclite')).default;
      if (!this.wanted) return;
      pcsc = binding();
    } catch (error) {
      // SCardEstablishContext fails at once when pcscd is not there ("Service not available").
      this.lost(/not available|no service/i.test(messageOf(error)) ? NO_PCSCD : `PC/SC: ${messageOf(error)}`, true);
      return;
    }
    this.pcsc = pcsc;
    this.setStatus({ state: 'offline', reason: `no reader named "${this.options.reader}" in pcscd`, absent: true });
    pcsc.on('error', (error: unknown) => this.drop(`lost pcscd: ${messageOf(error)}`));
    pcsc.on('reader', (reader: CardReader) => {
      // Every reader reports its errors as 'error' events: another reader's must not be unhandled either.
      reader.on('error', () => {});
      if (reader.name.startsWith(this.options.reader) && !this.reader) this.watch(reader);
    });
  }

  protected async release(): Promise<void> {
    this.cardGone();
    const { pcsc, reader } = this;
    this.pcsc = null;
    this.reader = null;
    try {
      // A released reader or context may still report an error: it must not be an unhandled 'error'.
      reader?.removeAllListeners();
      reader?.on('error', () => {});
      reader?.close();
      pcsc?.removeAllListeners();
      pcsc?.on('error', () => {});
      pcsc?.close();
    } catch (error) {
      this.options.logger.warn({ reason: messageOf(error) }, 'PC/SC did not let go cleanly');
    }
  }

  private watch(reader: CardReader): void {
    this.reader = reader;
    this.readerState = 0;
    this.options.logger.info({ reader: reader.name }, 'smart-card reader found');
    this.connected();
    reader.on('error', (error: unknown) => this.options.logger.warn({ reader: reader.name, reason: messageOf(error) }, 'smart-card reader error'));
    reader.on('end', () => {
      if (this.reader === reader) this.drop(`the reader "${reader.name}" went away`);
    });
    reader.on('status', ({ state, atr }: { state: number; atr?: Buffer }) => {
      const changes = this.readerState ^ state;
      this.readerState = state;
      if (changes & reader.SCARD_STATE_EMPTY && state & reader.SCARD_STATE_EMPTY) this.cardGone();
      else if (changes & reader.SCARD_STATE_PRESENT && state & reader.SCARD_STATE_PRESENT && !(state & reader.SCARD_STATE_MUTE)) {
        this.cardIn(reader, atr ? Uint8Array.from(atr) : new Uint8Array());
      }
    });
  }

  private cardIn(reader: CardReader, atr: Uint8Array): void {
    reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (error: unknown, protocol: number) => {
      if (this.reader !== reader) return;
      if (error) {
        this.options.logger.warn({ reader: reader.name, reason: messageOf(error) }, 'could not connect to the card');
        return;
      }
      this.protocol = protocol;
      this.emit('cardInserted', atr);
    });
  }

  private cardGone(): void {
    const reader = this.reader;
    if (this.protocol === null || !reader) return;
    this.protocol = null;
    reader.disconnect(reader.SCARD_LEAVE_CARD, () => {});
    this.emit('cardRemoved');
  }

  /** pcscd or the reader went: let go of the context, and make a new one after the backoff. */
  private drop(reason: string): void {
    void this.release();
    if (this.wanted) this.lost(reason, true);
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
