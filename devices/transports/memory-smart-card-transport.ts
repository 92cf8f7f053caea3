import { fail, ok, type Result } from '../../common/result';
import { CLOSED, StatusHolder } from './byte-transport';
import type { SmartCardTransport, SmartCardTransportEvents } from './smart-card-transport';

/** A card the test plays: its ATR, and its answer (data + SW1 SW2) to each command APDU. */
export interface MemoryCard {
  atr: Uint8Array;
  answer(apdu: Uint8Array): Uint8Array;
}

/**
 * An in-memory SmartCardTransport for unit tests, failing the way pcscd does: no card → error; the card
 * taken out during an exchange → that exchange fails (SCARD_W_REMOVED_CARD) and `cardRemoved` follows;
 * the reader or pcscd gone → offline, absent. The test plays the reader with the methods below.
 */
export class MemorySmartCardTransport extends StatusHolder<SmartCardTransportEvents> implements SmartCardTransport {
  /** Every command APDU the driver sent, in order. */
  readonly sent: Uint8Array[] = [];
  private wanted = false;
  private readerPresent: boolean;
  private card: MemoryCard | null = null;
  private removeDuringNextExchange = false;

  constructor(options: { readerPresent?: boolean } = {}) {
    super();
    this.readerPresent = options.readerPresent ?? true;
  }

  async open(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    this.setStatus({ state: 'connecting' });
    await Promise.resolve();
    if (!this.wanted) return;
    this.showReader();
  }

  async close(): Promise<void> {
    this.wanted = false;
    this.setStatus(CLOSED);
  }

  async transmit(apdu: Uint8Array): Promise<Result<Uint8Array>> {
    if (this.status.state !== 'ready') return fail(`the reader is not ready: ${this.status.state}`);
    if (!this.card) return fail('no card in the reader');
    this.sent.push(Uint8Array.from(apdu));
    await Promise.resolve(); // an exchange takes time on the wire, during which the card may go
    if (this.removeDuringNextExchange) {
      this.removeDuringNextExchange = false;
      this.removeCard();
      return fail('the card was removed (SCARD_W_REMOVED_CARD)');
    }
    if (!this.card) return fail('the card was removed (SCARD_W_REMOVED_CARD)');
    return ok(this.card.answer(apdu));
  }

  insertCard(card: MemoryCard): void {
    this.card = card;
    if (this.status.state === 'ready') this.emit('cardInserted', Uint8Array.from(card.atr));
  }

  removeCard(): void {
    const had = this.card !== null;
    this.card = null;
    if (had && this.status.state === 'ready') this.emit('cardRemoved');
  }

  /** The next exchange loses its card half way, as a person pulling the card out too early. */
  removeCardDuringNextExchange(): void {
    this.removeDuringNextExchange = true;
  }

  readerDisappears(reason = 'the reader "Memory Reader" went away'): void {
    this.readerPresent = false;
    if (this.card && this.status.state === 'ready') this.emit('cardRemoved');
    if (this.wanted) this.setStatus({ state: 'offline', reason, absent: true });
  }

  readerAppears(): void {
    this.readerPresent = true;
    if (this.wanted) this.showReader();
  }

  private showReader(): void {
    if (!this.readerPresent) {
      this.setStatus({ state: 'offline', reason: 'no reader "Memory Reader"', absent: true });
      return;
    }
    this.setStatus({ state: 'ready' });
    if (this.card) this.emit('cardInserted', Uint8Array.from(this.card.atr));
  }
}
