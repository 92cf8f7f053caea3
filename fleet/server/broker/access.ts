import { kioskTopicPrefix, type KioskTopicLeaf } from '../../../common/fleet-messages';
import type { KioskState } from '../store/schema';

/** Who holds an MQTT session: the fleet server's own client, or one kiosk in its enrolment state. */
export type BrokerIdentity = { kind: 'server' } | { kind: 'kiosk'; kioskId: string; state: KioskState };

/** What a kiosk sends, and what it listens to; everything else under its prefix is the server's to say. */
export const KIOSK_PUBLISHES: readonly KioskTopicLeaf[] = ['status', 'events', 'config/reported', 'commands/result'];
export const KIOSK_SUBSCRIBES: readonly KioskTopicLeaf[] = ['events/ack', 'config/desired', 'commands'];
/** A pending kiosk is known but not trusted yet: it may say it is alive, nothing more. */
export const PENDING_PUBLISHES: readonly KioskTopicLeaf[] = ['status'];

/** The leaves a kiosk in `state` may publish or subscribe to (a revoked kiosk: none). */
export function kioskLeaves(state: KioskState, direction: 'publish' | 'subscribe'): readonly KioskTopicLeaf[] {
  if (state === 'revoked') return [];
  if (state === 'pending') return direction === 'publish' ? PENDING_PUBLISHES : [];
  return direction === 'publish' ? KIOSK_PUBLISHES : KIOSK_SUBSCRIBES;
}

/**
 * The embedded broker's ACL. Topics are compared exactly: a kiosk may not use wildcards, so
 * `kiosk/+/commands` or `#` from a kiosk is refused rather than narrowed.
 */
export function mayUse(identity: BrokerIdentity, topic: string, direction: 'publish' | 'subscribe'): boolean {
  if (identity.kind === 'server') return !topic.startsWith('$');
  const prefix = kioskTopicPrefix(identity.kioskId);
  return kioskLeaves(identity.state, direction).some((leaf) => topic === `${prefix}${leaf}`);
}
