import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFleetMqtt } from '../../../fleet/server/ingest/start';
import { fleetApiOn } from '../../support/fleet-api';
import { fleetStores } from '../../support/fleet-stores';
import { startKiosk, type KioskProcess } from '../../support/kiosk-process';

const WAIT = { timeout: 30_000, interval: 100 };

/**
 * The built host, started as a technician would (`npm start -- --fleet <url> --enrol <token>`), against a
 * real fleet server: its HTTP API and its embedded broker, which the enrolment answer names.
 */
describe('a kiosk host joining a fleet', () => {
  const stores = fleetStores('sqlite');
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('enrols, waits for approval, shows online with its status and obeys a command from the console', async () => {
    const store = await stores.fresh();
    const now = () => new Date();
    const mqtt = await startFleetMqtt({ store, now, broker: { kind: 'embedded', host: '127.0.0.1', port: 0 }, housekeepingMs: 3_600_000, log: () => {} });
    cleanups.push(() => mqtt.close());
    const api = fleetApiOn(store, { mqtt, now });
    const fleetUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = await api.loggedIn('root', 'administrator');
    const { token } = (await api.post('/api/enrolment-tokens', {}, admin)).json();

    const kiosk: KioskProcess = await startKiosk(undefined, ['--fleet', fleetUrl, '--enrol', token]);
    cleanups.push(() => kiosk.stop());
    const enrolled = await kiosk.waitForLog((line) => line.msg?.toString().startsWith('enrolled') === true);
    const kioskId = enrolled.kioskId as string;
    await kiosk.waitForLog((line) => line.msg === 'waiting for the fleet to approve this kiosk');
    const view = async () => (await api.get(`/api/kiosks/${kioskId}`, admin)).json();
    expect(await view()).toMatchObject({ state: 'pending', online: false });

    expect((await api.post(`/api/kiosks/${kioskId}/approve`, undefined, admin)).statusCode).toBe(200);
    await vi.waitFor(async () => expect(await view()).toMatchObject({ online: true, status: { visit: 'attract', softwareVersion: '0.1.0', wipeFailed: false } }), WAIT);

    const issued = await api.post(`/api/kiosks/${kioskId}/commands`, { name: 'maintenance-on', delivery: 'online-only', expiresInMinutes: 5 }, admin);
    expect(issued.statusCode, issued.body).toBe(201);
    const commandState = async () => ((await api.get(`/api/kiosks/${kioskId}/commands`, admin)).json().commands as Array<{ id: string; state: string }>)[0]?.state;
    await vi.waitFor(async () => expect(await commandState()).toBe('succeeded'), WAIT);
    await vi.waitFor(async () => expect((await view()).status.visit).toBe('maintenance'), WAIT);
    // The administrator journal line the command left at the kiosk reaches the fleet's audit.
    await vi.waitFor(async () => expect((await store.audit.recent({ limit: 50, kioskId })).map((line) => `${line.actor} ${line.action} ${line.result}`))
      .toContain(`kiosk:${kioskId} maintenance-on from the fleet`), WAIT);
  });
});
