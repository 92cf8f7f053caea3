import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { fleetApiOn } from '../../support/fleet-api';

describe.each(FLEET_ENGINES)('fleet enrolment on %s', (engine) => {
  const stores = fleetStores(engine);

  it('returns a token once and stores only its hash', async () => {
    const store = await stores.fresh();
    const api = fleetApiOn(store);
    const admin = await api.loggedIn('root', 'administrator');
    const answer = await api.post('/api/enrolment-tokens', { expiresInMinutes: 30 }, admin);
    expect(answer.statusCode).toBe(201);
    const { token, expiresAt } = answer.json();
    expect(expiresAt).toBe('2026-12-07T10:30:00.000Z');
    const lines = JSON.stringify(await store.audit.recent({ limit: 10 }));
    expect(lines).not.toContain(token);
  });

  it('lets a token enrol one kiosk only', async () => {
    const api = fleetApiOn(await stores.fresh());
    const admin = await api.loggedIn('root', 'administrator');
    const { token } = (await api.post('/api/enrolment-tokens', {}, admin)).json();
    const first = await api.post('/api/enrol', { token, name: 'town hall' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kioskId: expect.any(String), credential: expect.any(String), state: 'pending' });
    const second = await api.post('/api/enrol', { token, name: 'impostor' });
    expect(second.statusCode).toBe(410);
    expect(second.json().error).toBe('enrolment refused: token already used');
    expect((await api.get('/api/kiosks', admin)).json().kiosks.map((k: { name: string }) => k.name)).toEqual(['town hall']);
  });

  it('refuses an expired token and an unknown one', async () => {
    const api = fleetApiOn(await stores.fresh());
    const admin = await api.loggedIn('root', 'administrator');
    const { token } = (await api.post('/api/enrolment-tokens', { expiresInMinutes: 5 }, admin)).json();
    api.advance(5 * 60_000);
    const late = await api.post('/api/enrol', { token, name: 'late' });
    expect(late.statusCode).toBe(410);
    expect(late.json().error).toBe('enrolment refused: token expired');
    const unknown = await api.post('/api/enrol', { token: 'made-up', name: 'guess' });
    expect(unknown.statusCode).toBe(401);
    expect((await api.get('/api/kiosks', admin)).json().kiosks).toEqual([]);
  });

  it('rate-limits enrolment attempts from one address', async () => {
    const limits = { attemptsPerAddress: 3, failuresBeforeLock: 3, windowMs: 60_000, lockMs: 60_000, maxTracked: 100 };
    const api = fleetApiOn(await stores.fresh(), { loginLimits: limits });
    for (let i = 0; i < limits.attemptsPerAddress; i++) expect((await api.post('/api/enrol', { token: `guess${i}`, name: 'x' })).statusCode).toBe(401);
    const limited = await api.post('/api/enrol', { token: 'guess', name: 'x' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('too many attempts from this address');
    expect((await api.post('/api/enrol', { token: 5 })).statusCode).toBe(400);
    // The refused guesses are in the audit; the throttled one and the malformed one are not.
    const results = (await api.store.audit.recent({ limit: 100 })).map((line) => line.result);
    expect(results).toEqual(Array(limits.attemptsPerAddress).fill('refused: enrolment refused: unknown token'));
  });

  it('keeps a kiosk pending until an administrator approves it', async () => {
    const api = fleetApiOn(await stores.fresh());
    const admin = await api.loggedIn('root', 'administrator');
    const operator = await api.loggedIn('otto', 'operator');
    const kiosk = await api.enrolledKiosk(admin);
    expect((await api.self(kiosk.credential)).json()).toMatchObject({ id: kiosk.kioskId, state: 'pending' });
    expect((await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, operator)).statusCode).toBe(403);
    const approved = await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, admin);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ id: kiosk.kioskId, state: 'approved' });
    expect((await api.self(kiosk.credential)).json().state).toBe('approved');
    const again = await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, admin);
    expect(again.statusCode).toBe(409);
    expect((await api.post(`/api/kiosks/${randomUUID()}/approve`, undefined, admin)).statusCode).toBe(404);
  });

  it("refuses a revoked kiosk's credential at once; an operator may revoke", async () => {
    const api = fleetApiOn(await stores.fresh());
    const admin = await api.loggedIn('root', 'administrator');
    const operator = await api.loggedIn('otto', 'operator');
    const kiosk = await api.enrolledKiosk(admin);
    await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, admin);
    expect((await api.post(`/api/kiosks/${kiosk.kioskId}/revoke`, undefined, operator)).statusCode).toBe(200);
    const refused = await api.self(kiosk.credential);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('this kiosk has been revoked');
    expect((await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, admin)).statusCode).toBe(409);
    expect((await api.self('not-a-credential')).statusCode).toBe(401);
  });

  it('writes an audit line for every mutation: who, what, which kiosk, result', async () => {
    const store = await stores.fresh();
    const api = fleetApiOn(store);
    const admin = await api.loggedIn('root', 'administrator');
    const operator = await api.loggedIn('otto', 'operator');
    const kiosk = await api.enrolledKiosk(admin, 'library');
    await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, operator);
    await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, admin);
    await api.post(`/api/kiosks/${kiosk.kioskId}/revoke`, undefined, operator);
    const root = (await store.accounts.byUsername('root'))!.id;
    const otto = (await store.accounts.byUsername('otto'))!.id;
    const answer = await api.get('/api/audit?limit=6', operator);
    expect(answer.statusCode).toBe(200);
    const lines = answer.json().lines.map((l: Record<string, unknown>) => [l.actor, l.action, l.kiosk_id, l.result]);
    expect(lines).toEqual([
      [otto, 'kiosk.revoke', kiosk.kioskId, 'ok'],
      [root, 'kiosk.approve', kiosk.kioskId, 'ok'],
      [otto, 'kiosk.approve', kiosk.kioskId, 'refused: the operator role may not do this'],
      [`kiosk:${kiosk.kioskId}`, 'kiosk.enrol', kiosk.kioskId, 'ok'],
      [root, 'enrolment-token.create', null, 'ok'],
      [otto, 'login', null, 'ok'],
    ]);
    const forKiosk = (await api.get(`/api/audit?kioskId=${kiosk.kioskId}`, admin)).json().lines;
    expect(forKiosk).toHaveLength(4);
    // Nothing secret in the log: no credential, no password.
    expect(JSON.stringify(await store.audit.recent({ limit: 100 }))).not.toContain(kiosk.credential);
  });
});
