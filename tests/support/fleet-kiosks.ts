import { randomUUID } from 'node:crypto';
import type { KioskStatus } from '../../common/fleet-messages';
import { secretHash } from '../../fleet/server/auth/secrets';
import type { KioskState } from '../../fleet/server/store/schema';
import type { FleetStore } from '../../fleet/server/store/store';

/** A kiosk enrolled straight through the store at `at` (with a token from a fresh administrator), then moved to `state`. */
export async function storedKiosk(store: FleetStore, name: string, at: string, state: KioskState = 'approved'): Promise<string> {
  const admin = await store.accounts.create({ username: `admin-${randomUUID()}`, passwordHash: 'h', role: 'administrator', at });
  const token = randomUUID();
  await store.enrolment.createToken({ tokenHash: secretHash(token), expiresAt: new Date(Date.parse(at) + 3_600_000).toISOString(), createdBy: admin.id, at });
  const id = store.enrolment.newKioskId();
  const enrolled = await store.enrolment.enrol({ tokenHash: secretHash(token), kiosk: { id, name, credential_hash: secretHash(randomUUID()), created_at: at }, at });
  if (!enrolled.ok) throw new Error(`enrol ${name}: ${enrolled.error}`);
  if (state !== 'pending') await store.kiosks.move(id, ['pending'], state);
  return id;
}

/** A status with nothing wrong in it; spread changes over it. */
export function healthyStatus(sentAt: string): KioskStatus {
  return {
    online: true, sentAt, softwareVersion: '0.1.0', uptimeSeconds: 60, visit: 'attract',
    devices: [
      { id: 'printer-1', kind: 'receiptPrinter', state: 'ok', paper: 'ok', lastError: null },
      { id: 'thermo-1', kind: 'thermometer', state: 'ok', lastError: null },
    ],
    disk: { freeBytes: 1_000, totalBytes: 2_000 }, configVersion: 0, lastError: null, restartsLastHour: 0, wipeFailed: false,
  };
}
