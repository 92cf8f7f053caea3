import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach } from 'vitest';
import { buildFleetApi, type FleetApiOptions } from '../../fleet/server/api/app';
import { hashPassword } from '../../fleet/server/auth/password';
import type { Role } from '../../fleet/server/store/schema';
import type { FleetStore } from '../../fleet/server/store/store';

export const T0 = new Date('2026-12-07T10:00:00.000Z');

/** A logged-in console: its cookie and the CSRF token it must echo. */
export interface ConsoleLogin {
  cookie: string;
  csrf: string;
}

/**
 * The fleet API over a real store, driven with Fastify's inject (the full request pipeline, no socket).
 * The clock is the test's: `advance(ms)` moves it for expiries and lock-outs.
 */
export function fleetApiOn(store: FleetStore, options: Partial<FleetApiOptions> = {}) {
  let now = T0.getTime();
  const stateDir = mkdtempSync(path.join(tmpdir(), 'borne-fleet-api-'));
  stateDirs.push(stateDir);
  const app: FastifyInstance = buildFleetApi({ store, now: () => new Date(now), stateDir, ...options });
  apps.push(app);
  const api = {
    app,
    store,
    advance(ms: number) {
      now += ms;
    },
    async account(username: string, role: Role, password = `${username}-long-password`) {
      await store.accounts.create({ username, passwordHash: await hashPassword(password), role, at: T0.toISOString() });
      return password;
    },
    login(username: string, password: string, remoteAddress = '127.0.0.1') {
      return app.inject({ method: 'POST', url: '/api/login', payload: { username, password }, remoteAddress });
    },
    async loggedIn(username: string, role: Role): Promise<ConsoleLogin> {
      const answer = await api.login(username, await api.account(username, role));
      if (answer.statusCode !== 200) throw new Error(`login as ${username}: ${answer.body}`);
      return { cookie: cookieOf(answer), csrf: answer.json().csrfToken };
    },
    get(url: string, as?: ConsoleLogin) {
      return app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });
    },
    post(url: string, payload: object | undefined, as?: ConsoleLogin, csrf = as?.csrf) {
      const headers: Record<string, string> = {};
      if (as) headers.cookie = as.cookie;
      if (csrf) headers['x-csrf-token'] = csrf;
      return app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
    },
    /** An administrator makes a token and a kiosk enrols with it; returns the kiosk's id and credential. */
    async enrolledKiosk(admin: ConsoleLogin, name = 'town hall') {
      const { token } = (await api.post('/api/enrolment-tokens', { expiresInMinutes: 10 }, admin)).json();
      const enrolled = await api.post('/api/enrol', { token, name });
      if (enrolled.statusCode !== 201) throw new Error(`enrol: ${enrolled.body}`);
      return enrolled.json() as { kioskId: string; credential: string };
    },
    self(credential: string) {
      return app.inject({ method: 'GET', url: '/api/kiosk/self', headers: { authorization: `Bearer ${credential}` } });
    },
  };
  return api;
}

const apps: FastifyInstance[] = [];
const stateDirs: string[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  for (const dir of stateDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The `name=value` part of the session cookie, as a browser would send it back. */
export function cookieOf(answer: LightMyRequestResponse): string {
  const header = answer.headers['set-cookie'];
  const line = Array.isArray(header) ? header[0] : header;
  if (!line) throw new Error('no set-cookie');
  return line.split(';')[0]!;
}
