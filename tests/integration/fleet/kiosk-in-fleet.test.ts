import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFleetMqtt } from '../../../fleet/server/ingest/start';
import { cuttableLink } from '../../support/cuttable-link';
import { fleetApiOn } from '../../support/fleet-api';
import { FLEET_BROKERS, fleetBrokers } from '../../support/fleet-mqtt';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { readTestProfile } from '../../support/test-profile';
import { KioskUnderTest } from '../fleet-agent/kiosk-under-test';

const WAIT = { timeout: 30_000, interval: 100 };
/** Short, so that "offline" comes within the test: the kiosk's heartbeat here is 200 ms. */
const ONLINE_WINDOW_SECONDS = 2;

/**
 * The "done when", on the real clock: the fleet server (API and MQTT side) and the kiosk's real fleet
 * agent, on each store and each broker. The kiosk enrols over HTTP, shows online, takes a configuration and a
 * command, loses its network while it keeps producing events and a command is queued for it, and comes back
 * with every event stored exactly once and the queued command run.
 */
describe.each(FLEET_ENGINES.flatMap((engine) => FLEET_BROKERS.map((broker) => [engine, broker] as const)))('a kiosk in a fleet on %s with the %s broker', (engine, brokerName) => {
  const stores = fleetStores(engine);
  const brokers = fleetBrokers(brokerName);
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('enrols, shows online, takes a configuration and a command, and loses nothing while cut off', async () => {
    const store = await stores.fresh();
    const now = () => new Date();
    const mqtt = await startFleetMqtt({
      store, now, onlineWindowSeconds: ONLINE_WINDOW_SECONDS, housekeepingMs: 3_600_000, log: () => {},
      broker: brokerName === 'embedded' ? { kind: 'embedded', host: '127.0.0.1', port: 0 } : { kind: 'external', url: brokers.mosquitto!.adminUrl },
    });
    cleanups.push(() => mqtt.close());
    const api = fleetApiOn(store, { mqtt, now, onlineWindowSeconds: ONLINE_WINDOW_SECONDS });
    const fleetUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await api.loggedIn('root', 'administrator');
    const as = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };

    // Enrolment over HTTP: the answer names the broker, without any credential in it.
    const { token } = (await api.post('/api/enrolment-tokens', {}, admin)).json();
    const enrolled = (await api.post('/api/enrol', { token, name: 'Minibus' })).json();
    const broker = new URL(mqtt.brokerUrl);
    expect(enrolled.mqttUrl).toBe(`mqtt://${broker.host}`);
    expect((await api.post(`/api/kiosks/${enrolled.kioskId}/approve`, undefined, admin)).statusCode).toBe(200);

    // The kiosk reaches the broker through a link the test can cut.
    const link = await cuttableLink({ host: broker.hostname, port: Number(broker.port) });
    cleanups.push(() => link.close());
    const kiosk = new KioskUnderTest(link.url, fleetUrl, { kioskId: enrolled.kioskId, credential: enrolled.credential });
    cleanups.push(() => kiosk.dispose());
    await kiosk.startAgent();
    const kioskView = async () => (await api.get(`/api/kiosks/${enrolled.kioskId}`, admin)).json();
    await vi.waitFor(async () => expect(await kioskView()).toMatchObject({ online: true, status: { visit: 'attract', softwareVersion: '9.9.9-test' } }), WAIT);

    // A configuration pushed from the console is applied and its version reported.
    const profile = readTestProfile();
    const pushed = await api.app.inject({ method: 'PUT', url: `/api/kiosks/${enrolled.kioskId}/config`, payload: { config: profile }, headers: as });
    expect(pushed.statusCode, pushed.body).toBe(200);
    await vi.waitFor(async () => expect((await api.get(`/api/kiosks/${enrolled.kioskId}/config`, admin)).json().reported).toEqual({ version: 1, error: null }), WAIT);
    expect(kiosk.asked).toContain('apply-profile');

    // A command while online: run, and its result shown.
    const command = async (name: string, delivery: 'online-only' | 'queued') => {
      const answer = await api.post(`/api/kiosks/${enrolled.kioskId}/commands`, { name, delivery, expiresInMinutes: 10 }, admin);
      expect(answer.statusCode, answer.body).toBe(201);
      return answer.json().id as string;
    };
    const stateOf = async (id: string) => ((await api.get(`/api/kiosks/${enrolled.kioskId}/commands`, admin)).json().commands as Array<{ id: string; state: string }>).find((c) => c.id === id)?.state;
    const maintenance = await command('maintenance-on', 'online-only');
    await vi.waitFor(async () => expect(await stateOf(maintenance)).toBe('succeeded'), WAIT);

    const produced = kiosk.produce(5);
    await vi.waitFor(async () => expect(await store.usage.count()).toBe(5), WAIT);

    // Out of coverage: offline once the window passes; events and a queued command pile up meanwhile.
    link.cut();
    await vi.waitFor(async () => expect((await kioskView()).online).toBe(false), WAIT);
    expect((await api.post(`/api/kiosks/${enrolled.kioskId}/commands`, { name: 'screenshot', delivery: 'online-only', expiresInMinutes: 10 }, admin)).statusCode).toBe(409);
    const wipe = await command('wipe-now', 'queued');
    produced.push(...kiosk.produce(250)); // more than one batch
    expect(await store.usage.count()).toBe(5);

    link.restore();
    await vi.waitFor(async () => expect(await store.usage.count()).toBe(produced.length), WAIT);
    await vi.waitFor(async () => expect(await stateOf(wipe)).toBe('succeeded'), WAIT);
    await vi.waitFor(async () => expect((await kioskView()).online).toBe(true), WAIT);
    await vi.waitFor(() => expect(kiosk.agent!.waiting).toBe(0), WAIT);
    expect(await store.usage.count()).toBe(produced.length);
    expect(kiosk.asked.filter((asked) => asked === 'wipe-now')).toEqual(['wipe-now']);
  }, 120_000);
});
