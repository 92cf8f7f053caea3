import { describe, expect, it } from 'vitest';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { cookieOf, fleetApiOn } from '../../support/fleet-api';

const LIMITS = { attemptsPerAddress: 8, failuresBeforeLock: 3, windowMs: 60_000, lockMs: 5 * 60_000, maxTracked: 100 };

describe.each(FLEET_ENGINES)('fleet console login on %s', (engine) => {
  const stores = fleetStores(engine);

  it('opens a session with the right password: HttpOnly, SameSite=Strict cookie and a CSRF token', async () => {
    const api = fleetApiOn(await stores.fresh());
    const password = await api.account('ada', 'operator');
    const answer = await api.login('ada', password);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ username: 'ada', role: 'operator', csrfToken: expect.any(String) });
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here: a Secure cookie would never come back
    const session = await api.get('/api/session', { cookie: cookieOf(answer), csrf: '' });
    expect(session.json()).toEqual({ username: 'ada', role: 'operator', csrfToken: answer.json().csrfToken });
  });

  it('marks the cookie Secure when the request came over TLS (through a trusted proxy)', async () => {
    const api = fleetApiOn(await stores.fresh(), { trustProxy: true });
    const password = await api.account('ada', 'viewer');
    const answer = await api.app.inject({ method: 'POST', url: '/api/login', payload: { username: 'ada', password }, headers: { 'x-forwarded-proto': 'https' } });
    expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('refuses a wrong password or an unknown user with the same answer, and audits the refusal', async () => {
    const store = await stores.fresh();
    const api = fleetApiOn(store);
    await api.account('ada', 'viewer');
    const wrong = await api.login('ada', 'not-her-password');
    const unknown = await api.login('nobody', 'whatever');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const ada = await store.accounts.byUsername('ada');
    const lines = await store.audit.recent({ limit: 10 });
    expect(lines.map((l) => [l.actor, l.action, l.result])).toEqual([
      ['anonymous', 'login', 'refused: wrong username or password'],
      [ada!.id, 'login', 'refused: wrong username or password'],
    ]);
  });

  it('locks an account after repeated failures, even for the right password, until the lock ends', async () => {
    const api = fleetApiOn(await stores.fresh(), { loginLimits: LIMITS });
    const password = await api.account('ada', 'viewer');
    for (let i = 0; i < LIMITS.failuresBeforeLock; i++) expect((await api.login('ada', 'guess', `10.0.0.${i}`)).statusCode).toBe(401);
    const locked = await api.login('ada', password, '10.0.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatch(/locked/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    api.advance(LIMITS.lockMs);
    expect((await api.login('ada', password, '10.0.0.99')).statusCode).toBe(200);
  });

  it('rate-limits login attempts from one address across usernames, not other addresses', async () => {
    const api = fleetApiOn(await stores.fresh(), { loginLimits: LIMITS });
    const password = await api.account('ada', 'viewer');
    for (let i = 0; i < LIMITS.attemptsPerAddress; i++) expect((await api.login(`user${i}`, 'guess', '10.0.0.1')).statusCode).toBe(401);
    const limited = await api.login('ada', password, '10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatch(/from this address/);
    expect((await api.login('ada', password, '10.0.0.2')).statusCode).toBe(200);
  });

  it('ends the session at logout: the cookie opens nothing afterwards', async () => {
    const api = fleetApiOn(await stores.fresh());
    const ada = await api.loggedIn('ada', 'viewer');
    expect((await api.get('/api/kiosks', ada)).statusCode).toBe(200);
    const out = await api.post('/api/logout', undefined, ada);
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await api.get('/api/kiosks', ada)).statusCode).toBe(401);
  });

  it('ends a session when it expires', async () => {
    const api = fleetApiOn(await stores.fresh(), { sessionHours: 1 });
    const ada = await api.loggedIn('ada', 'viewer');
    api.advance(60 * 60_000);
    expect((await api.get('/api/kiosks', ada)).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the session CSRF token, and audits it', async () => {
    const store = await stores.fresh();
    const api = fleetApiOn(store);
    const admin = await api.loggedIn('root', 'administrator');
    const other = await api.loggedIn('root2', 'administrator');
    for (const csrf of ['', 'forged', other.csrf]) {
      const answer = await api.post('/api/enrolment-tokens', {}, admin, csrf);
      expect(answer.statusCode).toBe(403);
      expect(answer.json().error).toMatch(/X-CSRF-Token/);
    }
    expect((await api.post('/api/enrolment-tokens', {}, admin)).statusCode).toBe(201);
    const results = (await store.audit.recent({ limit: 10 })).filter((l) => l.action === 'enrolment-token.create').map((l) => l.result);
    expect(results.filter((r) => r.startsWith('refused: missing or wrong X-CSRF-Token'))).toHaveLength(3);
    expect(results[0]).toBe('ok');
  });

  it('enforces roles per route: a viewer reads the fleet but cannot create tokens or read the audit', async () => {
    const store = await stores.fresh();
    const api = fleetApiOn(store);
    const viewer = await api.loggedIn('vic', 'viewer');
    expect((await api.get('/api/kiosks', viewer)).statusCode).toBe(200);
    const refused = await api.post('/api/enrolment-tokens', {}, viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('the viewer role may not do this');
    expect((await api.get('/api/audit', viewer)).statusCode).toBe(403);
    expect((await api.post('/api/accounts', { username: 'x', password: 'long-enough-pass', role: 'administrator' }, viewer)).statusCode).toBe(403);
    const [line] = await store.audit.recent({ limit: 1 });
    expect(line).toMatchObject({ actor: (await store.accounts.byUsername('vic'))!.id, action: 'account.create', result: 'refused: the viewer role may not do this' });
  });

  it('answers every route but login, enrol and the OpenAPI document with 401 without a session', async () => {
    const api = fleetApiOn(await stores.fresh());
    for (const url of ['/api/kiosks', '/api/audit', '/api/session', '/api/accounts']) expect((await api.get(url)).statusCode).toBe(401);
    for (const url of ['/api/logout', '/api/enrolment-tokens', '/api/kiosks/k/approve', '/api/kiosks/k/revoke', '/api/accounts']) {
      expect((await api.post(url, {})).statusCode).toBe(401);
    }
    expect((await api.get('/api/kiosk/self')).statusCode).toBe(401);
    const openapi = await api.get('/api/openapi.json');
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys(openapi.json().paths)).toEqual(expect.arrayContaining(['/api/login', '/api/enrol', '/api/kiosks/{id}/approve', '/api/audit']));
  });
});
