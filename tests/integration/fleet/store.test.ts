import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../fleet/server/auth/secrets';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';

const T0 = '2026-12-07T10:00:00.000Z';
const LATER = '2026-12-07T11:00:00.000Z';

describe.each(FLEET_ENGINES)('fleet store on %s', (engine) => {
  const stores = fleetStores(engine);

  it('creates accounts and finds them by username and id; a username is taken once', async () => {
    const store = await stores.fresh();
    expect(await store.accounts.any()).toBe(false);
    const ada = await store.accounts.create({ username: 'ada', passwordHash: 'h', role: 'operator', at: T0 });
    expect(await store.accounts.any()).toBe(true);
    expect(await store.accounts.byUsername('ada')).toEqual(ada);
    expect(await store.accounts.byId(ada.id)).toEqual(ada);
    await expect(store.accounts.create({ username: 'ada', passwordHash: 'h', role: 'viewer', at: T0 })).rejects.toThrow();
  });

  it('keeps a session until it expires or ends', async () => {
    const store = await stores.fresh();
    const ada = await store.accounts.create({ username: 'ada', passwordHash: 'h', role: 'viewer', at: T0 });
    await store.sessions.create({ token_hash: 'th', account_id: ada.id, csrf_token: 'c', created_at: T0, expires_at: LATER });
    expect((await store.sessions.live('th', T0))?.account.username).toBe('ada');
    expect(await store.sessions.live('th', LATER)).toBeUndefined();
    await store.sessions.end('th');
    expect(await store.sessions.live('th', T0)).toBeUndefined();
  });

  it('enrols a pending kiosk with a token once, and refuses an expired or unknown token', async () => {
    const store = await stores.fresh();
    const ada = await store.accounts.create({ username: 'ada', passwordHash: 'h', role: 'administrator', at: T0 });
    await store.enrolment.createToken({ tokenHash: secretHash('once'), expiresAt: LATER, createdBy: ada.id, at: T0 });
    await store.enrolment.createToken({ tokenHash: secretHash('late'), expiresAt: T0, createdBy: ada.id, at: T0 });
    const kiosk = (name: string) => ({ id: store.enrolment.newKioskId(), name, credential_hash: secretHash(name), created_at: T0 });

    const first = await store.enrolment.enrol({ tokenHash: secretHash('once'), kiosk: kiosk('hall'), at: T0 });
    expect(first).toMatchObject({ ok: true, kiosk: { name: 'hall', state: 'pending' } });
    expect(await store.enrolment.enrol({ tokenHash: secretHash('once'), kiosk: kiosk('again'), at: T0 })).toEqual({ ok: false, error: 'token already used' });
    expect(await store.enrolment.enrol({ tokenHash: secretHash('late'), kiosk: kiosk('late'), at: T0 })).toEqual({ ok: false, error: 'token expired' });
    expect(await store.enrolment.enrol({ tokenHash: secretHash('nope'), kiosk: kiosk('nope'), at: T0 })).toEqual({ ok: false, error: 'unknown token' });
    // The refused enrolments rolled back: only the first kiosk exists.
    expect((await store.kiosks.list()).map((k) => k.name)).toEqual(['hall']);
  });

  it('lets only one of several kiosks racing with one token enrol', async () => {
    const store = await stores.fresh();
    const ada = await store.accounts.create({ username: 'ada', passwordHash: 'h', role: 'administrator', at: T0 });
    await store.enrolment.createToken({ tokenHash: 'tok', expiresAt: LATER, createdBy: ada.id, at: T0 });
    const racers = Array.from({ length: 5 }, (_, i) =>
      store.enrolment.enrol({ tokenHash: 'tok', kiosk: { id: `k${i}`, name: `k${i}`, credential_hash: `c${i}`, created_at: T0 }, at: T0 }),
    );
    const outcomes = await Promise.all(racers);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.error)).toEqual(Array(4).fill('token already used'));
    expect(await store.kiosks.list()).toHaveLength(1);
  });

  it('moves a kiosk between states only from the allowed ones, and finds it by its credential', async () => {
    const store = await stores.fresh();
    const ada = await store.accounts.create({ username: 'ada', passwordHash: 'h', role: 'administrator', at: T0 });
    await store.enrolment.createToken({ tokenHash: 'tok', expiresAt: LATER, createdBy: ada.id, at: T0 });
    const enrolled = await store.enrolment.enrol({ tokenHash: 'tok', kiosk: { id: 'k1', name: 'hall', credential_hash: 'cred', created_at: T0 }, at: T0 });
    expect(enrolled.ok).toBe(true);
    expect(await store.kiosks.move('k1', ['pending'], 'approved')).toBe(true);
    expect(await store.kiosks.move('k1', ['pending'], 'approved')).toBe(false);
    expect(await store.kiosks.move('absent', ['pending'], 'approved')).toBe(false);
    await store.kiosks.seen('k1', LATER);
    expect(await store.kiosks.byCredentialHash('cred')).toEqual({ id: 'k1', name: 'hall', state: 'approved', created_at: T0, last_seen_at: LATER, config_reported_version: null, config_error: null, group_name: null });
    // The credential's hash never leaves the store through the kiosk view.
    expect(await store.kiosks.byId('k1')).not.toHaveProperty('credential_hash');
  });

  it('appends audit lines and reads them newest first, by kiosk and by page', async () => {
    const store = await stores.fresh();
    for (const [action, kiosk] of [['a', 'k1'], ['b', null], ['c', 'k1']] as const) {
      await store.audit.append({ at: T0, actor: 'someone', action, kiosk_id: kiosk, result: 'ok', detail: null });
    }
    const all = await store.audit.recent({ limit: 10 });
    expect(all.map((line) => line.action)).toEqual(['c', 'b', 'a']);
    expect(typeof all[0]!.id).toBe('number');
    expect((await store.audit.recent({ limit: 10, kioskId: 'k1' })).map((line) => line.action)).toEqual(['c', 'a']);
    expect((await store.audit.recent({ limit: 1, before: all[0]!.id })).map((line) => line.action)).toEqual(['b']);
  });
});
