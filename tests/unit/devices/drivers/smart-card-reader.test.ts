import { describe, expect, it } from 'vitest';
import type { CardPresence } from '../../../../common/cards';
import { DEFAULT_CARD_RULES } from '../../../../common/device-config';
import { SmartCardReaderDriver } from '../../../../devices/drivers/smart-card-reader';
import { CARD_MODELS, unknownCard, type CardModel } from '../../../../devices/simulators/card-models';
import { MemorySmartCardTransport, type MemoryCard } from '../../../../devices/transports/memory-smart-card-transport';
import { recordingLogger } from '../recording-logger';

const asMemoryCard = (model: CardModel): MemoryCard => ({ atr: model.atr, answer: (apdu) => model.answer(apdu) ?? Uint8Array.from([0x6f, 0x00]) });

async function started(options: { readerPresent?: boolean } = {}) {
  const transport = new MemorySmartCardTransport(options);
  const logger = recordingLogger();
  const driver = new SmartCardReaderDriver(transport, logger, DEFAULT_CARD_RULES, 'Memory Reader');
  const cards: CardPresence[] = [];
  const faults: string[] = [];
  const malformed: string[] = [];
  driver.on('card', (presence) => cards.push(presence));
  driver.on('fault', (reason) => faults.push(reason));
  driver.on('malformed', (reason) => malformed.push(reason));
  await driver.start();
  return { transport, driver, logger, cards, faults, malformed };
}

/** Lets the driver's recognition (a few awaited exchanges) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SmartCardReaderDriver', () => {
  it('recognises a health insurance card by its ATR, without sending it anything', async () => {
    const { transport, cards } = await started();
    transport.insertCard(asMemoryCard(CARD_MODELS['health-insurance']()));
    await settle();
    expect(cards).toEqual([{ type: 'inserted', kind: 'health-insurance' }]);
    expect(transport.sent).toEqual([]);
  });

  it('recognises an identity card by selecting the eMRTD application, asking for no data', async () => {
    const { transport, cards } = await started();
    transport.insertCard(asMemoryCard(CARD_MODELS.identity()));
    await settle();
    expect(cards).toEqual([{ type: 'inserted', kind: 'identity' }]);
    expect(transport.sent).toEqual([Uint8Array.from([0x00, 0xa4, 0x04, 0x0c, 0x07, 0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01])]);
  });

  it('says unknown for a card of no known family, and removed when it goes out', async () => {
    const { transport, cards } = await started();
    transport.insertCard(asMemoryCard(unknownCard()));
    await settle();
    transport.removeCard();
    expect(cards).toEqual([{ type: 'inserted', kind: 'unknown' }, { type: 'removed' }]);
  });

  it('logs the kind and the reader, never the ATR', async () => {
    const { transport, logger } = await started();
    transport.insertCard(asMemoryCard(CARD_MODELS['health-insurance']()));
    await settle();
    const logged = JSON.stringify(logger.lines);
    expect(logged).toContain('health-insurance');
    expect(logged).toContain('Memory Reader');
    expect(logged.toLowerCase()).not.toMatch(/3f ?65|atr"/);
  });

  it('a card pulled out mid-exchange is a fault of that card: nothing said of it, and the next card is recognised', async () => {
    const { transport, cards, faults } = await started();
    transport.removeCardDuringNextExchange();
    transport.insertCard(asMemoryCard(CARD_MODELS.identity()));
    await settle();
    expect(cards).toEqual([{ type: 'removed' }]);
    expect(faults).toEqual(['the card was removed (SCARD_W_REMOVED_CARD)']);
    transport.insertCard(asMemoryCard(CARD_MODELS.identity()));
    await settle();
    expect(cards.at(-1)).toEqual({ type: 'inserted', kind: 'identity' });
  });

  it('a malformed ATR is counted as a malformed frame and the card left unnamed', async () => {
    const { transport, cards, malformed } = await started();
    transport.insertCard({ atr: Uint8Array.from([0x12, 0x34]), answer: () => Uint8Array.from([0x90, 0x00]) });
    await settle();
    expect(cards).toEqual([]);
    expect(malformed).toEqual(["the card's ATR is malformed: an ATR starts with 3B or 3F, this one with 12"]);
  });

  it('is absent without its reader, ready when it appears, and sees a card already in it', async () => {
    const { transport, driver, cards } = await started({ readerPresent: false });
    expect(driver.status).toEqual({ state: 'offline', reason: 'no reader "Memory Reader"', absent: true });
    transport.insertCard(asMemoryCard(CARD_MODELS['health-insurance']()));
    transport.readerAppears();
    await settle();
    expect(driver.status).toEqual({ state: 'ready' });
    expect(cards).toEqual([{ type: 'inserted', kind: 'health-insurance' }]);
    transport.readerDisappears();
    expect(cards.at(-1)).toEqual({ type: 'removed' });
    expect(driver.status).toMatchObject({ state: 'offline', absent: true });
  });
});
