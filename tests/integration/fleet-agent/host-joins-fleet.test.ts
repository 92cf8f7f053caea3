import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFleetMqtt } from '../../../fleet/server/ingest/start';
import { cuttableLink } from '../../support/cuttable-link';
import { fleetApiOn } from '../../support/fleet-api';
import { fleetStores } from '../../support/fleet-stores';
import { startKiosk, type KioskProcess } from '../../support/kiosk-process';

const WAIT = { timeout: 60_000, interval: 100 };
const ONLINE_WINDOW_SECONDS = 90;
const DEMO_PROFILE = new URL('../../../kiosk-config/profiles/demo.json', import.meta.url);

/**
 * The "done when", on the built host started as a technician would, with the demo profile as shipped
 * (`npm start -- --fleet <url> --enrol <token>`), against a real fleet server: its HTTP API and its embedded
 * broker, reached through a link the test can cut. That nothing is lost or doubled while cut off is shown
 * with hundreds of events in kiosk-in-fleet.test.ts, on both stores and both brokers.
 */
describe('a kiosk host joining a fleet', () => {
  const stores = fleetStores('sqlite');
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('with the demo profile: enrols, shows online, takes a configuration change and commands, goes offline and comes back', async () => {
    const store = await stores.fresh();
    // The fleet's clock can be moved on, so that "offline" (not heard within the window) comes without waiting 90 s.
    let ahead = 0;
    const now = () => new Date(Date.now() + ahead);
    const mqtt = await startFleetMqtt({ store, now, onlineWindowSeconds: ONLINE_WINDOW_SECONDS, broker: { kind: 'embedded', host: '127.0.0.1', port: 0 }, housekeepingMs: 3_600_000, log: () => {} });
    cleanups.push(() => mqtt.close());
    const broker = new URL(mqtt.brokerUrl);
    const link = await cuttableLink({ host: broker.hostname, port: Number(broker.port) });
    cleanups.push(() => link.close());
    const api = fleetApiOn(store, { mqtt, now, onlineWindowSeconds: ONLINE_WINDOW_SECONDS, mqttPublicUrl: link.url });
    const fleetUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await api.loggedIn('root', 'administrator');
    const { token } = (await api.post('/api/enrolment-tokens', {}, admin)).json();

    const kiosk: KioskProcess = await startKiosk('demo', ['--fleet', fleetUrl, '--enrol', token], { testCdp: false });
    cleanups.push(() => kiosk.stop());
    const enrolled = await kiosk.waitForLog((line) => line.msg?.toString().startsWith('enrolled') === true);
    const kioskId = enrolled.kioskId as string;
    await kiosk.waitForLog((line) => line.msg === 'waiting for the fleet to approve this kiosk');
    const view = async () => (await api.get(`/api/kiosks/${kioskId}`, admin)).json();
    expect(await view()).toMatchObject({ state: 'pending', online: false });

    expect((await api.post(`/api/kiosks/${kioskId}/approve`, undefined, admin)).statusCode).toBe(200);
    await vi.waitFor(async () => expect(await view()).toMatchObject({ online: true, status: { visit: 'attract', softwareVersion: '0.1.0', wipeFailed: false } }), WAIT);

    // A configuration change from the console: the demo profile with a shorter idle timeout.
    const demo = JSON.parse(readFileSync(DEMO_PROFILE, 'utf8'));
    const changed = { ...demo, session: { ...demo.session, idleTimeoutSeconds: 50 } };
    const pushed = await api.app.inject({ method: 'PUT', url: `/api/kiosks/${kioskId}/config`, payload: { config: changed }, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } });
    expect(pushed.statusCode, pushed.body).toBe(200);
    await vi.waitFor(async () => expect((await api.get(`/api/kiosks/${kioskId}/config`, admin)).json().reported).toEqual({ version: 1, error: null }), WAIT);

    const command = async (name: string, delivery: 'online-only' | 'queued') => {
      const answer = await api.post(`/api/kiosks/${kioskId}/commands`, { name, delivery, expiresInMinutes: 10 }, admin);
      expect(answer.statusCode, answer.body).toBe(201);
      return answer.json().id as string;
    };
    const stateOf = async (id: string) => ((await api.get(`/api/kiosks/${kioskId}/commands`, admin)).json().commands as Array<{ id: string; state: string }>).find((c) => c.id === id)?.state;
    const maintenanceOn = await command('maintenance-on', 'online-only');
    await vi.waitFor(async () => expect(await stateOf(maintenanceOn)).toBe('succeeded'), WAIT);
    await vi.waitFor(async () => expect((await view()).status.visit).toBe('maintenance'), WAIT);
    // The administrator journal line the command left at the kiosk reaches the fleet's audit.
    const kioskAudit = async () => (await store.audit.recent({ limit: 50, kioskId })).map((line) => `${line.actor} ${line.action} ${line.result}`);
    await vi.waitFor(async () => expect(await kioskAudit()).toContain(`kiosk:${kioskId} maintenance-on from the fleet`), WAIT);

    // Out of coverage: once the window has passed it is offline; an online-only command is refused, a queued one waits.
    link.cut();
    ahead += (ONLINE_WINDOW_SECONDS + 1) * 1000;
    await vi.waitFor(async () => expect((await view()).online).toBe(false), WAIT);
    expect((await api.post(`/api/kiosks/${kioskId}/commands`, { name: 'screenshot', delivery: 'online-only', expiresInMinutes: 10 }, admin)).statusCode).toBe(409);
    const maintenanceOff = await command('maintenance-off', 'queued');
    expect(await stateOf(maintenanceOff)).toBe('queued');

    // Back in coverage: online again, and the queued command runs, once.
    link.restore();
    await vi.waitFor(async () => expect((await view()).online).toBe(true), WAIT);
    await vi.waitFor(async () => expect(await stateOf(maintenanceOff)).toBe('succeeded'), WAIT);
    await vi.waitFor(async () => expect((await view()).status.visit).toBe('attract'), WAIT);
    await vi.waitFor(async () => expect(await kioskAudit()).toContain(`kiosk:${kioskId} maintenance-off from the fleet`), WAIT);
    expect((await kioskAudit()).filter((line) => line.includes('maintenance-off from the fleet'))).toHaveLength(1);
  }, 180_000);
});
