import type { CardRule } from '../../common/device-config';
import { ok, type Result } from '../../common/result';
import type { DeviceLogger } from '../logger';
import type { SmartCardTransport } from '../transports/smart-card-transport';
import { compileRules, recogniseCard, type CompiledRule } from './card-recognition';
import type { CardReadingDriver } from './driver';
import { TransportDriver } from './transport-driver';
import type { CardPresence } from '../../common/cards';

/**
 * A smart-card reader: says which family a card is when it comes in (by its ATR, or by the public
 * application it accepts to select) and when it goes out. Nothing is read beyond that, and nothing is
 * logged but the kind and the reader. A card pulled out while it was being recognised is a fault of that
 * card alone: the driver goes on and recognises the next one.
 */
export class SmartCardReaderDriver extends TransportDriver<never, SmartCardTransport> implements CardReadingDriver {
  private readonly rules: CompiledRule[];
  /** Which card is in: a recognition that finishes after its card went out says nothing. */
  private cardNumber = 0;
  /** The kind of the card in the reader, for the technician's `read`: never more than the kind. */
  cardInReader: CardPresence & { type: 'inserted' } | null = null;

  constructor(transport: SmartCardTransport, private readonly logger: DeviceLogger, rules: readonly CardRule[], private readonly reader: string) {
    super(transport);
    this.rules = compileRules(rules);
    transport.on('cardInserted', (atr) => void this.recognise(atr));
    transport.on('cardRemoved', () => {
      this.cardNumber += 1;
      this.cardInReader = null;
      this.logger.info({ device: 'smartCardReader', reader: this.reader }, 'card removed');
      this.emit('card', { type: 'removed' });
    });
  }

  /** The reader went (pcscd or the reader lost): the card in it is no longer known. */
  protected forgetPartialInput(): void {
    this.cardNumber += 1;
    this.cardInReader = null;
  }

  /** A reader takes no measurement command: cards come when people insert them. */
  async command(): Promise<Result<void>> {
    return ok(undefined);
  }

  private async recognise(atr: Uint8Array): Promise<void> {
    const card = ++this.cardNumber;
    const kind = await recogniseCard(atr, this.rules, (apdu) => this.transport.transmit(apdu));
    if (!kind.ok) {
      this.logger.warn({ device: 'smartCardReader', reader: this.reader, reason: kind.error }, 'card not recognised');
      if (kind.error.startsWith("the card's ATR")) this.emit('malformed', kind.error);
      else this.emit('fault', kind.error);
      return;
    }
    if (card !== this.cardNumber) return;
    this.logger.info({ device: 'smartCardReader', reader: this.reader, card: kind.value }, 'card inserted');
    this.cardInReader = { type: 'inserted', kind: kind.value };
    this.emit('card', this.cardInReader);
  }
}
