import { createHash } from 'node:crypto';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../common/fleet-messages';
import { bucketOf } from '../../../fleet/server/updates/rollout';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { fleetApiOn, T0, type ConsoleLogin } from '../../support/fleet-api';

const sha512 = (text: string) => createHash('sha512').update(text).digest('base64');
const release = (version: string) => ({
  version,
  files: [{ url: `https://releases.example.org/borne-${version}.AppImage`, sha512: sha512(version), size: 1000 }],
});
const status = (softwareVersion: string, uptimeSeconds: number, restartsLastHour = 0): KioskStatus => ({
  online: true, sentAt: T0.toISOString(), softwareVersion, uptimeSeconds, visit: 'attract', devices: [],
  disk: { freeBytes: 1, totalBytes: 2 }, configVersion: 0, lastError: null, restartsLastHour, wipeFailed: false,
});

describe.each(FLEET_ENGINES)('fleet software updates on %s', (engine) => {
  const stores = fleetStores(engine);

  /** An administrator, `count` approved kiosks with their credentials, and a function that reads a kiosk's feed. */
  async function fleet(count: number) {
    const api = fleetApiOn(await stores.fresh());
    const admin = await api.loggedIn('root', 'administrator');
    const kiosks: { kioskId: string; credential: string }[] = [];
    for (let i = 0; i < count; i++) {
      const kiosk = await api.enrolledKiosk(admin, `kiosk ${i}`);
      expect((await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, admin)).statusCode).toBe(200);
      kiosks.push(kiosk);
    }
    const feed = (credential: string) => api.app.inject({ method: 'GET', url: '/api/kiosk/updates/latest-linux.yml', headers: { authorization: `Bearer ${credential}` } });
    const offered = async (credential: string) => /^version: "(.+)"$/m.exec((await feed(credential)).body)?.[1] ?? null;
    return { api, admin, kiosks, feed, offered };
  }

  async function startRollout(api: ReturnType<typeof fleetApiOn>, admin: ConsoleLogin, body: object) {
    const answer = await api.post('/api/rollouts', body, admin);
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json() as { id: string };
  }

  it('serves an electron-updater feed with the release a kiosk should run, and nothing before any rollout', async () => {
    const { api, admin, kiosks, feed } = await fleet(1);
    expect((await api.post('/api/releases', release('1.0.0'), admin)).statusCode).toBe(201);
    expect((await feed(kiosks[0]!.credential)).statusCode).toBe(404);
    const rollout = await startRollout(api, admin, { version: '1.0.0', stages: [{ percent: 100 }], healthMinutes: 0 });
    const answer = await feed(kiosks[0]!.credential);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('text/yaml');
    expect(answer.body).toBe([
      'version: "1.0.0"', 'files:', '  - url: "https://releases.example.org/borne-1.0.0.AppImage"', `    sha512: "${sha512('1.0.0')}"`,
      '    size: 1000', 'path: "https://releases.example.org/borne-1.0.0.AppImage"', `sha512: "${sha512('1.0.0')}"`, `releaseDate: "${T0.toISOString()}"`, '',
    ].join('\n'));
    expect((await api.app.inject({ method: 'GET', url: '/api/kiosk/updates/latest-linux.yml' })).statusCode).toBe(401);

    // electron-updater's own reading of a generic feed (the code its GenericProvider runs) takes it as is.
    const feedUrl = new URL('https://fleet.example.org/api/kiosk/updates/latest-linux.yml');
    const info = parseUpdateInfo(answer.body, 'latest-linux.yml', feedUrl);
    expect(info).toMatchObject({ version: '1.0.0', releaseDate: T0.toISOString() });
    const [file] = resolveFiles(info, new URL('https://fleet.example.org/api/kiosk/updates/'));
    expect(file).toMatchObject({ url: new URL('https://releases.example.org/borne-1.0.0.AppImage'), info: { sha512: sha512('1.0.0'), size: 1000 } });
    // The kiosk has never reported: the gate cannot call it healthy.
    expect((await api.post(`/api/rollouts/${rollout.id}/advance`, undefined, admin)).json().error).toContain('kiosk 0 (never heard from)');
  });

  it('offers the release to a stage\'s share of kiosks only, and opens the next stage once they report healthy on it', async () => {
    const { api, admin, kiosks, offered } = await fleet(12);
    for (const version of ['1.0.0', '1.1.0']) expect((await api.post('/api/releases', release(version), admin)).statusCode).toBe(201);
    const base = await startRollout(api, admin, { version: '1.0.0', stages: [{ percent: 100 }], healthMinutes: 0 });
    for (const kiosk of kiosks) await api.store.status.save(kiosk.kioskId, status('1.0.0', 10), T0.toISOString());
    expect((await api.post(`/api/rollouts/${base.id}/advance`, undefined, admin)).json().state).toBe('complete');

    const rollout = await startRollout(api, admin, { version: '1.1.0', stages: [{ percent: 30 }, { percent: 100 }], healthMinutes: 10 });
    const first = kiosks.filter((kiosk) => bucketOf(kiosk.kioskId, rollout.id) < 30);
    const rest = kiosks.filter((kiosk) => !first.includes(kiosk));
    for (const kiosk of first) expect(await offered(kiosk.credential)).toBe('1.1.0');
    for (const kiosk of rest) expect(await offered(kiosk.credential)).toBe('1.0.0');

    // The first stage's kiosks have not updated yet: the gate holds and says which and why.
    const held = await api.post(`/api/rollouts/${rollout.id}/advance`, undefined, admin);
    expect(held.statusCode).toBe(409);
    expect(held.json().error).toContain(`${first.length} of ${first.length} kiosks are not healthy on 1.1.0 yet`);
    expect(held.json().error).toContain('still runs 1.0.0');
    // Updated but restarted by itself: unhealthy, still held.
    for (const kiosk of first) await api.store.status.save(kiosk.kioskId, status('1.1.0', 900, 2), T0.toISOString());
    expect((await api.post(`/api/rollouts/${rollout.id}/advance`, undefined, admin)).json().error).toContain('restarted 2 times');
    // Up on the new release for the health time: the next stage opens and everyone is offered it.
    for (const kiosk of first) await api.store.status.save(kiosk.kioskId, status('1.1.0', 900), T0.toISOString());
    const progress = (await api.get('/api/rollouts', admin)).json().rollouts[0].progress;
    expect(progress).toMatchObject({ targeted: first.length, healthy: first.length, unhealthy: 0 });
    expect((await api.post(`/api/rollouts/${rollout.id}/advance`, undefined, admin)).json()).toMatchObject({ state: 'running', stage: 1 });
    for (const kiosk of kiosks) expect(await offered(kiosk.credential)).toBe('1.1.0');
  });

  it('limits a stage to the groups it names', async () => {
    const { api, admin, kiosks, offered } = await fleet(2);
    await api.store.kiosks.setGroup(kiosks[0]!.kioskId, 'bus');
    expect((await api.post('/api/releases', release('2.0.0'), admin)).statusCode).toBe(201);
    await startRollout(api, admin, { version: '2.0.0', stages: [{ percent: 100, groups: ['bus'] }] });
    expect(await offered(kiosks[0]!.credential)).toBe('2.0.0');
    expect(await offered(kiosks[1]!.credential)).toBeNull();
  });

  it('pauses, resumes and rolls back: a rollback offers the earlier release to every kiosk again', async () => {
    const { api, admin, kiosks, offered } = await fleet(1);
    for (const version of ['1.0.0', '1.1.0']) await api.post('/api/releases', release(version), admin);
    const base = await startRollout(api, admin, { version: '1.0.0', stages: [{ percent: 100 }], healthMinutes: 0 });
    await api.store.status.save(kiosks[0]!.kioskId, status('1.0.0', 0), T0.toISOString());
    await api.post(`/api/rollouts/${base.id}/advance`, undefined, admin);
    const rollout = await startRollout(api, admin, { version: '1.1.0', stages: [{ percent: 100 }] });
    expect(await offered(kiosks[0]!.credential)).toBe('1.1.0');

    expect((await api.post(`/api/rollouts/${rollout.id}/pause`, undefined, admin)).json().state).toBe('paused');
    expect((await api.post(`/api/rollouts/${rollout.id}/advance`, undefined, admin)).statusCode).toBe(409);
    expect((await api.post(`/api/rollouts/${rollout.id}/pause`, undefined, admin)).statusCode).toBe(409);
    expect((await api.post('/api/rollouts', { version: '1.1.0', stages: [{ percent: 100 }] }, admin)).json().error).toContain('still paused');
    expect((await api.post(`/api/rollouts/${rollout.id}/resume`, undefined, admin)).json().state).toBe('running');
    expect((await api.post(`/api/rollouts/${rollout.id}/rollback`, undefined, admin)).json().state).toBe('rolled-back');
    expect(await offered(kiosks[0]!.credential)).toBe('1.0.0');
    expect((await api.post(`/api/rollouts/${base.id}/rollback`, undefined, admin)).statusCode).toBe(404);
    const actions = (await api.store.audit.recent({ limit: 100 })).map((line) => `${line.action} ${line.result}`);
    expect(actions).toContain('rollout.rollback ok');
    expect(actions).toContain('rollout.pause refused: rollout ' + rollout.id + ' is paused: only a running rollout can pause');
  });

  it('refuses bad releases and rollouts with a message naming the problem, and non-administrators', async () => {
    const { api, admin } = await fleet(0);
    const operator = await api.loggedIn('otto', 'operator');
    const bad = await api.post('/api/releases', { version: 'latest', files: [{ url: 'http://evil.example/x', sha512: 'abc', size: 0 }] }, admin);
    expect(bad.statusCode).toBe(400);
    for (const field of ['body.version', 'body.files.0.url', 'body.files.0.sha512', 'body.files.0.size']) expect(bad.json().error).toContain(field);
    expect((await api.post('/api/releases', release('1.0.0'), operator)).statusCode).toBe(403);
    expect((await api.post('/api/releases', release('1.0.0'), admin)).statusCode).toBe(201);
    expect((await api.post('/api/releases', release('1.0.0'), admin)).statusCode).toBe(409);
    expect((await api.post('/api/rollouts', { version: '9.9.9', stages: [{ percent: 10 }] }, admin)).statusCode).toBe(404);
    expect((await api.post('/api/rollouts', { version: '1.0.0', stages: [{ percent: 0 }] }, admin)).json().error).toContain('body.stages.0.percent');
    expect((await api.get('/api/releases', operator)).json().releases.map((r: { version: string }) => r.version)).toEqual(['1.0.0']);
  });

  it('gives a pending kiosk no update', async () => {
    const { api, admin, feed } = await fleet(0);
    const pending = await api.enrolledKiosk(admin);
    expect((await feed(pending.credential)).statusCode).toBe(403);
  });
});
