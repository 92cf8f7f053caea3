import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import type { CardPresence } from '../../../../common/cards';
import type { DeviceKind } from '../../../../common/devices';
import { sendCardsToSession } from '../../../../main/session/card-reading';
import type { CardEvent } from '../../../../main/session/guided-visit';

it('sends CARD.READ with the kind of a recognised card, nothing for an unknown card or a removal, nothing once stopped', () => {
  const devices = new EventEmitter<{ card: [kind: DeviceKind, presence: CardPresence] }>();
  const sent: CardEvent[] = [];
  const stop = sendCardsToSession(devices, (event) => sent.push(event));
  devices.emit('card', 'smartCardReader', { type: 'inserted', kind: 'health-insurance' });
  devices.emit('card', 'smartCardReader', { type: 'removed' });
  devices.emit('card', 'smartCardReader', { type: 'inserted', kind: 'unknown' });
  devices.emit('card', 'smartCardReader', { type: 'inserted', kind: 'identity' });
  stop();
  devices.emit('card', 'smartCardReader', { type: 'inserted', kind: 'identity' });
  expect(sent).toEqual([{ type: 'CARD.READ', card: 'health-insurance' }, { type: 'CARD.READ', card: 'identity' }]);
});
