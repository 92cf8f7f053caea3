import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../common/fleet-messages';
import { USAGE_SCHEMA_VERSION } from '../../../common/usage-events';
import { secretHash } from '../../../fleet/server/auth/secrets';
import type { FleetStore } from '../../../fleet/server/store/store';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';

const T0 = '2026-12-07T10:00:00.000Z';
const LATER = '2026-12-07T11:00:00.000Z';

const status = (uptimeSeconds: number): KioskStatus => ({
  online: true, sentAt: T0, softwareVersion: '0.1.0', uptimeSeconds, visit: 'attract', devices: [],
  disk: { freeBytes: 1, totalBytes: 2 }, configVersion: 0, lastError: null, restartsLastHour: 0, wipeFailed: false,
});

async function enrolledKiosk(store: FleetStore): Promise<string> {
  const ada = await store.accounts.create({ username: 'ada', passwordHash: 'h', role: 'administrator', at: T0 });
  await store.enrolment.createToken({ tokenHash: secretHash('t'), expiresAt: LATER, createdBy: ada.id, at: T0 });
  const id = store.enrolment.newKioskId();
  await store.enrolment.enrol({ tokenHash: secretHash('t'), kiosk: { id, name: 'hall', credential_hash: secretHash('c'), created_at: T0 }, at: T0 });
  return id;
}

describe.each(FLEET_ENGINES)('fleet state store on %s', (engine) => {
  const stores = fleetStores(engine);

  it('keeps each kiosk\'s latest status and its history, marks it seen, and prunes old history', async () => {
    const store = await stores.fresh();
    const kioskId = await enrolledKiosk(store);
    await store.status.save(kioskId, status(1), T0);
    await store.status.save(kioskId, status(2), LATER);
    expect((await store.status.latest(kioskId))?.status.uptimeSeconds).toBe(2);
    expect((await store.status.allLatest()).map((heard) => heard.heardAt)).toEqual([LATER]);
    expect((await store.status.history(kioskId, T0)).map((heard) => heard.status.uptimeSeconds)).toEqual([1, 2]);
    expect((await store.kiosks.byId(kioskId))?.last_seen_at).toBe(LATER);
    expect(await store.status.prune(LATER)).toBe(1);
    expect((await store.status.history(kioskId, T0)).map((heard) => heard.status.uptimeSeconds)).toEqual([2]);
  });

  it('stores a usage record once however often its key is sent', async () => {
    const store = await stores.fresh();
    const kioskId = await enrolledKiosk(store);
    const key = randomUUID();
    const record = { schema: USAGE_SCHEMA_VERSION, id: key, day: '2026-12-07', event: { type: 'language-chosen', language: 'ar' } } as const;
    await store.usage.record(kioskId, [{ key, record }], T0);
    await store.usage.record(kioskId, [{ key, record }, { key: randomUUID(), record: { ...record, event: { type: 'visit-started' } } }], LATER);
    expect(await store.usage.count()).toBe(2);
  });
});
