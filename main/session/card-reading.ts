import type { CardPresence } from '../../common/cards';
import type { DeviceKind } from '../../common/devices';
import type { Disposer } from '../../common/disposables';
import type { CardEvent } from './guided-visit';

/** The part of the device manager that tells cards: its `card` event. */
interface CardSource {
  on(event: 'card', listener: (kind: DeviceKind, presence: CardPresence) => void): unknown;
  off(event: 'card', listener: (kind: DeviceKind, presence: CardPresence) => void): unknown;
}

/**
 * A recognised card put in a reader is a `CARD.READ` for the session, with its kind only; a card of no
 * known family and a card taken out say nothing to the session. Answers what stops it.
 */
export function sendCardsToSession(devices: CardSource, send: (event: CardEvent) => void): Disposer {
  const listener = (_kind: DeviceKind, presence: CardPresence): void => {
    if (presence.type === 'inserted' && presence.kind !== 'unknown') send({ type: 'CARD.READ', card: presence.kind });
  };
  devices.on('card', listener);
  return () => void devices.off('card', listener);
}
