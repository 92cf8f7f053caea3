import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { FakeFleet } from '../../support/fake-fleet';
import { fleetApiOn } from '../../support/fleet-api';
import { fleetStores } from '../../support/fleet-stores';
import { startKiosk, type KioskProcess } from '../../support/kiosk-process';
import { testBroker, type TestBroker } from '../../support/mqtt-brokers';

const WAIT = { timeout: 30_000, interval: 100 };

/**
 * The built host, started as a technician would (`npm start -- --fleet <url> --enrol <token>`), against the
 * real fleet API over HTTP and a real broker (aedes), with the test's small server on the MQTT side.
 */
describe('a kiosk host joining a fleet', () => {
  const stores = fleetStores('sqlite');
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('enrols, waits for approval, reports its status and obeys a command', async () => {
    const broker: TestBroker = await testBroker('aedes');
    await broker.start();
    cleanups.push(() => broker.dispose());
    const fleet = await FakeFleet.connect(broker.url);
    cleanups.push(() => fleet.stop());
    const api = fleetApiOn(await stores.fresh());
    // The server names its broker in the enrolment answer (docs/fleet-protocol.md, "Broker address").
    api.app.addHook('onSend', async (request, _reply, payload) => {
      if (request.url !== '/api/enrol' || typeof payload !== 'string') return payload;
      return JSON.stringify({ ...JSON.parse(payload), mqttUrl: broker.url });
    });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.server.address() as { port: number };
    const admin = await api.loggedIn('root', 'administrator');
    const { token } = (await api.post('/api/enrolment-tokens', {}, admin)).json();

    const kiosk: KioskProcess = await startKiosk(undefined, ['--fleet', `http://127.0.0.1:${port}`, '--enrol', token]);
    cleanups.push(() => kiosk.stop());
    const enrolled = await kiosk.waitForLog((line) => line.msg?.toString().startsWith('enrolled') === true);
    const kioskId = enrolled.kioskId as string;
    await kiosk.waitForLog((line) => line.msg === 'waiting for the fleet to approve this kiosk');
    expect(fleet.statuses).toEqual([]);

    expect((await api.post(`/api/kiosks/${kioskId}/approve`, undefined, admin)).statusCode).toBe(200);
    await vi.waitFor(() => expect(fleet.statuses.findLast((status) => status.online)).toMatchObject({ visit: 'attract', softwareVersion: '0.1.0' }), WAIT);

    const command = { id: randomUUID(), name: 'maintenance-on' as const, expiresAt: new Date(Date.now() + 60_000).toISOString() };
    await fleet.command(kioskId, command);
    await vi.waitFor(() => expect(fleet.entriesOf('command-result').map((entry) => entry.result)).toMatchObject([{ id: command.id, ok: true }]), WAIT);
    await vi.waitFor(() => expect(fleet.statuses.findLast((status) => status.online)).toMatchObject({ visit: 'maintenance' }), WAIT);
    // The administrator journal line the command left reaches the fleet too.
    await vi.waitFor(() => expect(fleet.entriesOf('audit').map((entry) => entry.line)).toMatchObject([{ action: 'maintenance-on', result: 'from the fleet' }]), WAIT);
  });
});
