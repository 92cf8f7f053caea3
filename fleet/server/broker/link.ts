import type { KioskState } from '../store/schema';

/**
 * Keeps the broker's idea of each kiosk in step with the store. The embedded broker reads the store
 * itself; an external broker learns credentials and ACLs from the server, which only has a kiosk's
 * credential in hand at enrolment.
 */
export interface KioskAccessControl {
  kioskEnrolled(kioskId: string, credential: string): Promise<void>;
  /** Approved widens the kiosk's ACL; revoked refuses it and drops its session at once. */
  kioskMoved(kioskId: string, state: KioskState): Promise<void>;
}

/** Publishes as the fleet server; resolves once the broker has the message (QoS 1). */
export type Publish = (topic: string, payload: unknown, options: { retain: boolean }) => Promise<void>;
