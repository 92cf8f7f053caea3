import { newSecret, secretHash } from '../../fleet/server/auth/secrets';
import type { FleetStore } from '../../fleet/server/store/store';

export interface ApprovedKiosk { id: string; credential: string }

/**
 * Kiosks enrolled and approved straight in the store, with their credentials, for a fleet of thousands:
 * that many enrolments through the API would hit its per-address limit, and enrolment is not what is tried.
 */
export async function approvedKiosks(store: FleetStore, count: number, by: { adminId: string; at: string }): Promise<ApprovedKiosk[]> {
  const kiosks: ApprovedKiosk[] = [];
  for (let i = 0; i < count; i++) {
    const token = newSecret();
    const credential = newSecret();
    const id = store.enrolment.newKioskId();
    await store.enrolment.createToken({ tokenHash: secretHash(token), expiresAt: new Date(Date.parse(by.at) + 3_600_000).toISOString(), createdBy: by.adminId, at: by.at });
    await store.enrolment.enrol({ tokenHash: secretHash(token), kiosk: { id, name: `kiosk ${i}`, credential_hash: secretHash(credential), created_at: by.at }, at: by.at });
    await store.kiosks.move(id, ['pending'], 'approved');
    kiosks.push({ id, credential });
  }
  return kiosks;
}
