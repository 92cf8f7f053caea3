import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kioskTopic } from '../../../common/fleet-messages';
import { houseKeep } from '../../../fleet/server/ingest/housekeeping';
import { FLEET_BROKERS, fleetBrokers, eventually, kioskClient, nextMessage, publish, statusAt } from '../../support/fleet-mqtt';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';
import { readTestProfile } from '../../support/test-profile';

const BOTH = FLEET_ENGINES.flatMap((engine) => FLEET_BROKERS.map((broker) => [engine, broker] as const));

describe.each(BOTH)('fleet over MQTT on %s with the %s broker', (engine, broker) => {
  const stores = fleetStores(engine);
  const brokers = fleetBrokers(broker);

  it('shows a kiosk online once its status arrives, and offline after the window', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const kiosk = await fleet.kiosk();
    const client = await fleet.connect(kiosk, []);
    const { api, admin } = fleet;
    expect((await api.get(`/api/kiosks/${kiosk.kioskId}`, admin)).json()).toMatchObject({ online: false, heardAt: null, status: null });
    await publish(client, kiosk.kioskId, 'status', statusAt(fleet.clock(), { visit: 'visit' }), true);
    const heard = await eventually(async () => {
      const answer = (await api.get(`/api/kiosks/${kiosk.kioskId}`, admin)).json();
      return answer.online ? answer : undefined;
    });
    expect(heard).toMatchObject({ online: true, heardAt: fleet.clock().toISOString(), status: { visit: 'visit', softwareVersion: '0.9.0' }, group_name: null });
    fleet.advance(91_000);
    const listed = (await api.get('/api/kiosks', admin)).json().kiosks;
    expect(listed).toEqual([expect.objectContaining({ id: kiosk.kioskId, online: false, heardAt: heard.heardAt })]);
  });

  it('stores a batch sent twice once, and acknowledges it each time', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const kiosk = await fleet.kiosk();
    const client = await fleet.connect(kiosk);
    const usageKey = randomUUID();
    const auditKey = randomUUID();
    const batch = {
      entries: [
        { kind: 'usage', key: usageKey, record: { schema: 1, id: usageKey, day: '2026-12-07', event: { type: 'visit-started' } } },
        { kind: 'audit', key: auditKey, line: { at: fleet.clock().toISOString(), action: 'admin.maintenance-on', result: 'ok' } },
      ],
    };
    for (let time = 0; time < 2; time++) {
      const ack = nextMessage(client, kioskTopic(kiosk.kioskId, 'events/ack'));
      await publish(client, kiosk.kioskId, 'events', batch);
      expect(await ack).toEqual({ keys: [usageKey, auditKey] });
    }
    expect(await fleet.api.store.usage.count()).toBe(1);
    const kioskLines = (await fleet.api.store.audit.recent({ limit: 50 })).filter((line) => line.actor === `kiosk:${kiosk.kioskId}` && line.action !== 'kiosk.enrol');
    expect(kioskLines.map((line) => line.action)).toEqual(['admin.maintenance-on']);
  });

  it('validates a configuration, delivers it retained, and records what the kiosk reports', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const kiosk = await fleet.kiosk();
    const url = `/api/kiosks/${kiosk.kioskId}/config`;
    const profile = readTestProfile();
    const bad = await fleet.api.app.inject({ method: 'PUT', url, payload: { config: { ...profile, kiosk: { id: 'Not An Id', name: 'x' } } }, headers: { cookie: fleet.admin.cookie, 'x-csrf-token': fleet.admin.csrf } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('body.config.kiosk.id');
    const put = await fleet.api.app.inject({ method: 'PUT', url, payload: { config: profile }, headers: { cookie: fleet.admin.cookie, 'x-csrf-token': fleet.admin.csrf } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ version: 1 });
    // The kiosk connects afterwards: the retained message is waiting for it.
    const client = await fleet.connect(kiosk, []);
    const desired = nextMessage(client, kioskTopic(kiosk.kioskId, 'config/desired'));
    await client.subscribeAsync(kioskTopic(kiosk.kioskId, 'config/desired'), { qos: 1 });
    expect(await desired).toEqual({ version: 1, config: profile });
    await publish(client, kiosk.kioskId, 'config/reported', { version: 1 }, true);
    const answer = await eventually(async () => {
      const config = (await fleet.api.get(url, fleet.admin)).json();
      return config.reported ? config : undefined;
    });
    expect(answer).toEqual({ desired: { version: 1, config: profile }, reported: { version: 1, error: null } });
    const actions = (await fleet.api.store.audit.recent({ limit: 50, kioskId: kiosk.kioskId })).map((line) => `${line.action} ${line.result}`);
    expect(actions).toEqual(expect.arrayContaining(['config.push ok', 'config.push refused: ' + bad.json().error, 'config.reported ok']));
  });

  it('runs a command round trip with its result and attachment, and refuses online-only to an offline kiosk', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const kiosk = await fleet.kiosk();
    const url = `/api/kiosks/${kiosk.kioskId}/commands`;
    const offline = await fleet.api.post(url, { name: 'screenshot', delivery: 'online-only' }, fleet.admin);
    expect(offline.statusCode).toBe(409);
    const client = await fleet.connect(kiosk);
    await publish(client, kiosk.kioskId, 'status', statusAt(fleet.clock()));
    await eventually(async () => (await fleet.api.get(`/api/kiosks/${kiosk.kioskId}`, fleet.admin)).json().online);
    const received = nextMessage(client, kioskTopic(kiosk.kioskId, 'commands'));
    const issued = await fleet.api.post(url, { name: 'screenshot', delivery: 'online-only', expiresInMinutes: 5 }, fleet.admin);
    expect(issued.statusCode).toBe(201);
    const command = issued.json();
    expect(await received).toEqual({ id: command.id, name: 'screenshot', expiresAt: '2026-12-07T10:05:00.000Z' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
    const upload = await fleet.api.app.inject({ method: 'POST', url: `/api/kiosk/commands/${command.id}/attachment`, payload: png, headers: { authorization: `Bearer ${kiosk.credential}`, 'content-type': 'image/png' } });
    expect(upload.statusCode).toBe(201);
    await publish(client, kiosk.kioskId, 'commands/result', { id: command.id, ok: true, at: fleet.clock().toISOString(), attachment: 'screenshot' });
    const done = await eventually(async () => (await fleet.api.get(url, fleet.admin)).json().commands.find((c: { state: string }) => c.state === 'succeeded'));
    expect(done).toMatchObject({ id: command.id, state: 'succeeded', error: null, attachment: `${command.id}.png` });
    const download = await fleet.api.get(`${url}/${command.id}/attachment`, fleet.admin);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(png)).toBe(true);
    const actions = (await fleet.api.store.audit.recent({ limit: 50, kioskId: kiosk.kioskId })).map((line) => `${line.action} ${line.result}`);
    expect(actions).toEqual(expect.arrayContaining(['command.issue ok', 'command.screenshot.result ok', 'command.attachment ok']));
  });

  it('delivers a queued command when the kiosk comes back, and never one that expired', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const kiosk = await fleet.kiosk();
    const url = `/api/kiosks/${kiosk.kioskId}/commands`;
    const lasting = (await fleet.api.post(url, { name: 'reload-config', delivery: 'queued', expiresInMinutes: 60 }, fleet.admin)).json();
    const brief = (await fleet.api.post(url, { name: 'reboot', delivery: 'queued', expiresInMinutes: 1 }, fleet.admin)).json();
    expect([lasting.state, brief.state]).toEqual(['queued', 'queued']);
    fleet.advance(2 * 60_000);
    await houseKeep({ store: fleet.api.store, now: fleet.clock, historyDays: 30 });
    const client = await fleet.connect(kiosk);
    const commands: unknown[] = [];
    client.on('message', (topic, payload) => topic.endsWith('/commands') && commands.push(JSON.parse(payload.toString())));
    await publish(client, kiosk.kioskId, 'status', statusAt(fleet.clock()));
    const sent = await eventually(async () => (await fleet.api.get(url, fleet.admin)).json().commands.find((c: { state: string }) => c.state === 'sent'));
    expect(sent.id).toBe(lasting.id);
    await eventually(async () => commands.length > 0);
    // A second status: the queue is empty now, so only the one command ever reached the kiosk.
    await publish(client, kiosk.kioskId, 'status', statusAt(fleet.clock()));
    await eventually(async () => (await fleet.api.store.status.history(kiosk.kioskId, '2000-01-01T00:00:00.000Z')).length === 2);
    expect(commands).toEqual([{ id: lasting.id, name: 'reload-config', expiresAt: lasting.expires_at }]);
    const states = Object.fromEntries((await fleet.api.get(url, fleet.admin)).json().commands.map((c: { id: string; state: string }) => [c.id, c.state]));
    expect(states).toEqual({ [lasting.id]: 'sent', [brief.id]: 'expired' });
  });

  it('drops a kiosk at once when it is revoked, and refuses it afterwards', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const kiosk = await fleet.kiosk();
    const client = await fleet.connect(kiosk, []);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    expect((await fleet.api.post(`/api/kiosks/${kiosk.kioskId}/revoke`, undefined, fleet.admin)).statusCode).toBe(200);
    await closed;
    await expect(kioskClient(fleet.fleet.brokerUrl, kiosk.kioskId, kiosk.credential)).rejects.toThrow();
  });

  it('survives malformed, oversized and flooding input and keeps working', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const kiosk = await fleet.kiosk();
    const client = await fleet.connect(kiosk, []);
    await publish(client, kiosk.kioskId, 'status', '{not json');
    await publish(client, kiosk.kioskId, 'events', JSON.stringify({ entries: [{ kind: 'usage', key: 'nope' }] }));
    for (let i = 0; i < 300; i++) void publish(client, kiosk.kioskId, 'status', { online: true, sentAt: 'yesterday' });
    await publish(client, kiosk.kioskId, 'config/reported', { version: -1 });
    const refused = await eventually(async () => {
      const totals = fleet.fleet.refusals.totals();
      return Object.values(totals).reduce((a, b) => a + b, 0) >= 303 ? totals : undefined;
    });
    expect(refused['malformed JSON']).toBe(1);
    expect(Object.keys(refused).some((reason) => reason.startsWith('invalid status: sentAt'))).toBe(true);
    // A message bigger than the limit costs the sender its connection, and nothing else.
    const big = await fleet.connect(kiosk, []);
    const gone = new Promise<void>((resolve) => big.once('close', () => resolve()));
    big.publish(kioskTopic(kiosk.kioskId, 'status'), Buffer.alloc(300 * 1024, 0x20), { qos: 0 });
    await gone;
    await publish(client, kiosk.kioskId, 'status', statusAt(fleet.clock()));
    await eventually(async () => (await fleet.api.get(`/api/kiosks/${kiosk.kioskId}`, fleet.admin)).json().online);
  });
});
