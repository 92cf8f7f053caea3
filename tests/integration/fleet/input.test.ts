import { describe, expect, it } from 'vitest';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { fleetApiOn } from '../../support/fleet-api';

describe.each(FLEET_ENGINES)('fleet API input checks on %s', (engine) => {
  const stores = fleetStores(engine);

  it('answers a malformed body with 400 and a message naming the field and the problem', async () => {
    const api = fleetApiOn(await stores.fresh());
    const admin = await api.loggedIn('root', 'administrator');
    const cases: [string, object, RegExp][] = [
      ['/api/enrol', { token: 5, name: 'hall' }, /^body\.token: .*expected string/],
      ['/api/enrol', { token: 'abc' }, /^body\.name: .*expected string/],
      ['/api/enrol', { token: 'abc', name: '   ' }, /^body\.name: .*>=1 characters/],
      ['/api/enrol', { token: 'abc', name: 'hall', extra: 1 }, /^body: .*"extra"/],
      ['/api/login', { username: 'root' }, /^body\.password: /],
      ['/api/enrolment-tokens', { expiresInMinutes: 0 }, /^body\.expiresInMinutes: .*>=1/],
      ['/api/accounts', { username: 'x', password: 'short', role: 'administrator' }, /^body\.password: .*>=12 characters/],
      ['/api/accounts', { username: 'x', password: 'long-enough-pass', role: 'king' }, /^body\.role: /],
    ];
    for (const [url, payload, message] of cases) {
      const answer = await api.post(url, payload, url === '/api/enrol' || url === '/api/login' ? undefined : admin);
      expect(answer.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(answer.json().error).toMatch(message);
    }
    const badQuery = await api.get('/api/audit?limit=lots', admin);
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error).toMatch(/^query\.limit: /);
    const badParam = await api.post('/api/kiosks/not-a-kiosk-id/approve', undefined, admin);
    expect(badParam.statusCode).toBe(400);
    expect(badParam.json().error).toMatch(/^params\.id: /);
  });

  it('refuses JSON that does not parse, bodies that are not JSON, and bodies over the limit', async () => {
    const api = fleetApiOn(await stores.fresh());
    const raw = (payload: string, contentType = 'application/json') =>
      api.app.inject({ method: 'POST', url: '/api/enrol', payload, headers: { 'content-type': contentType } });
    const broken = await raw('{"token": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatch(/JSON/i);
    expect((await raw('token=abc', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
    const huge = await raw(JSON.stringify({ token: 'x'.repeat(20_000), name: 'hall' }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toHaveProperty('error');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const api = fleetApiOn(await stores.fresh());
    const answer = await api.get('/api/nothing-here?x=1');
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toEqual({ error: 'no route GET /api/nothing-here' });
  });

  it('refuses to create an account whose username is taken, and creates one that logs in', async () => {
    const api = fleetApiOn(await stores.fresh());
    const admin = await api.loggedIn('root', 'administrator');
    const made = await api.post('/api/accounts', { username: 'vic', password: 'a long passphrase', role: 'viewer' }, admin);
    expect(made.statusCode).toBe(201);
    expect(made.json()).not.toHaveProperty('password_hash');
    expect((await api.post('/api/accounts', { username: 'vic', password: 'a long passphrase', role: 'viewer' }, admin)).statusCode).toBe(409);
    expect((await api.login('vic', 'a long passphrase')).json().role).toBe('viewer');
  });
});
