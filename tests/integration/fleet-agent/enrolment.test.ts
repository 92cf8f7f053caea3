import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolKiosk, waitForApproval } from '../../../main/fleet/enrol-kiosk';
import { readEnrolment } from '../../../main/fleet/enrolment';
import { fleetFiles } from '../../../main/fleet/fleet-files';
import { createLogger } from '../../../main/log';
import { fleetApiOn } from '../../support/fleet-api';
import { fleetStores } from '../../support/fleet-stores';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const stateFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'borne-enrol-'));
  folders.push(dir);
  return dir;
};
const log = createLogger({ level: 'silent' });

/** The real fleet API over HTTP on loopback (the kiosk uses fetch), on a SQLite store. */
async function fleetOverHttp(stores: ReturnType<typeof fleetStores>) {
  const api = fleetApiOn(await stores.fresh());
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('the fleet API has no address');
  return { api, url: `http://127.0.0.1:${address.port}`, admin: await api.loggedIn('root', 'administrator') };
}

describe('kiosk enrolment against the fleet API', () => {
  const stores = fleetStores('sqlite');

  it('enrols once, keeps its credential readable by itself only, and waits for approval', async () => {
    const { api, url, admin } = await fleetOverHttp(stores);
    const stateDir = stateFolder();
    const { token } = (await api.post('/api/enrolment-tokens', { expiresInMinutes: 10 }, admin)).json();
    const enrolled = await enrolKiosk({ stateDir, fleetUrl: url, token, name: 'town hall' });
    expect(enrolled.ok).toBe(true);
    if (!enrolled.ok) return;
    expect(enrolled.value).toMatchObject({ fleetUrl: url, mqttUrl: 'mqtt://127.0.0.1:1883' });
    expect(statSync(fleetFiles(stateDir).enrolment).mode & 0o777).toBe(0o600);
    expect(await readEnrolment(stateDir)).toEqual({ ok: true, value: enrolled.value });

    const stopping = new AbortController();
    let settled = false;
    const approval = waitForApproval(enrolled.value, { stateDir, log, signal: stopping.signal, random: () => 0.05 })
      .finally(() => (settled = true));
    // Polled a few times while pending, then approved.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    expect((await api.post(`/api/kiosks/${enrolled.value.kioskId}/approve`, undefined, admin)).statusCode).toBe(200);
    expect(await approval).toEqual({ ok: true, value: enrolled.value });
    expect((await api.get('/api/kiosks', admin)).json().kiosks).toMatchObject([{ id: enrolled.value.kioskId, state: 'approved' }]);
  });

  it('says why when the token is spent, and stops waiting once the kiosk is revoked', async () => {
    const { api, url, admin } = await fleetOverHttp(stores);
    const { token } = (await api.post('/api/enrolment-tokens', {}, admin)).json();
    const first = await enrolKiosk({ stateDir: stateFolder(), fleetUrl: url, token, name: 'first' });
    const again = await enrolKiosk({ stateDir: stateFolder(), fleetUrl: url, token, name: 'second' });
    expect(again).toEqual({ ok: false, error: `enrolment with ${url} failed: /api/enrol answered 410: enrolment refused: token already used` });

    if (!first.ok) throw new Error(first.error);
    await api.post(`/api/kiosks/${first.value.kioskId}/revoke`, undefined, admin);
    const waited = await waitForApproval(first.value, { stateDir: stateFolder(), log, signal: new AbortController().signal, random: () => 0.05 });
    expect(waited.ok).toBe(false);
    if (!waited.ok) expect(waited.error).toContain('enrol it again with a new token');
  });

  it('says the fleet cannot be reached, without storing anything', async () => {
    const stateDir = stateFolder();
    const answer = await enrolKiosk({ stateDir, fleetUrl: 'http://127.0.0.1:9', token: 'x', name: 'n' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toContain('http://127.0.0.1:9 cannot be reached');
    expect(await readEnrolment(stateDir)).toEqual({ ok: true, value: null });
  });
});
