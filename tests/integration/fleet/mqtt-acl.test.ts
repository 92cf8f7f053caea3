import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kioskTopic } from '../../../common/fleet-messages';
import { FLEET_BROKERS, fleetBrokers, eventually, kioskClient, publish, statusAt } from '../../support/fleet-mqtt';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';

const BOTH = FLEET_ENGINES.flatMap((engine) => FLEET_BROKERS.map((broker) => [engine, broker] as const));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of Mosquitto's own command-line clients; `onOutput` sees stdout as it comes. */
function runTool(tool: 'mosquitto_sub' | 'mosquitto_pub', args: string[], onOutput: (stdout: string) => void = () => {}): Promise<Run> {
  // stdbuf: piped, the tool's stdout would be block-buffered and its SUBACK line would come too late.
  const child = spawn('stdbuf', ['-oL', tool, '-h', '127.0.0.1', '-V', 'mqttv311', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
    onOutput(run.stdout);
  });
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ ...run, code })));
}

describe.each(BOTH)("a kiosk's credential on another kiosk's topics, on %s with the %s broker", (engine, broker) => {
  const stores = fleetStores(engine);
  const brokers = fleetBrokers(broker);

  it('publishes nothing into another kiosk, and receives nothing of it', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const a = await fleet.kiosk('a');
    const b = await fleet.kiosk('b');
    const as = (kiosk: { kioskId: string; credential: string }) => ['-p', String(fleet.port), '-u', kiosk.kioskId, '-P', kiosk.credential];

    // mosquitto_pub with A's credential on B's status: the server never hears it. A's own, sent after, arrives.
    await runTool('mosquitto_pub', [...as(a), '-q', '1', '-t', kioskTopic(b.kioskId, 'status'), '-m', JSON.stringify(statusAt(fleet.clock()))]);
    await runTool('mosquitto_pub', [...as(a), '-q', '1', '-t', kioskTopic(a.kioskId, 'status'), '-m', JSON.stringify(statusAt(fleet.clock()))]);
    await eventually(async () => (await fleet.api.get(`/api/kiosks/${a.kioskId}`, fleet.admin)).json().online);
    expect(await fleet.api.store.status.latest(b.kioskId)).toBeUndefined();

    // mosquitto_sub with A's credential on B's commands and its own: a command to B, then one to A; the
    // first (and only) message A's subscriber gets is its own.
    const bClient = await fleet.connect(b);
    await publish(bClient, b.kioskId, 'status', statusAt(fleet.clock()));
    await eventually(async () => (await fleet.api.get(`/api/kiosks/${b.kioskId}`, fleet.admin)).json().online);
    let subscribed!: () => void;
    const ready = new Promise<void>((resolve) => (subscribed = resolve));
    const sub = runTool('mosquitto_sub', [...as(a), '-d', '-v', '-q', '1', '-C', '1', '-t', kioskTopic(b.kioskId, 'commands'), '-t', kioskTopic(a.kioskId, 'commands')], (out) => {
      if (out.includes('SUBACK')) subscribed();
    });
    await ready;
    const toB = await fleet.api.post(`/api/kiosks/${b.kioskId}/commands`, { name: 'screenshot', delivery: 'online-only' }, fleet.admin);
    expect(toB.statusCode).toBe(201);
    const toA = await fleet.api.post(`/api/kiosks/${a.kioskId}/commands`, { name: 'reload-config', delivery: 'online-only' }, fleet.admin);
    expect(toA.statusCode).toBe(201);
    const received = (await sub).stdout.split('\n').filter((line) => line.startsWith('kiosk/'));
    expect(received).toEqual([`${kioskTopic(a.kioskId, 'commands')} ${JSON.stringify({ id: toA.json().id, name: 'reload-config', expiresAt: toA.json().expires_at })}`]);
  });

  it('lets a pending kiosk say only its status', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const pending = await fleet.api.enrolledKiosk(fleet.admin, 'pending');
    const client = await kioskClient(fleet.fleet.brokerUrl, pending.kioskId, pending.credential);
    // The broker grants the subscription as a failure (0x80), which mqtt.js reports as an error.
    await expect(client.subscribeAsync(kioskTopic(pending.kioskId, 'commands'), { qos: 1 })).rejects.toThrow(/Subscribe error/);
    // Events first (aedes drops the connection for it, Mosquitto ignores it), then a status on a new
    // connection: the broker handles them in that order, and only the status reaches the server.
    const usageKey = randomUUID();
    const batch = { entries: [{ kind: 'usage', key: usageKey, record: { schema: 1, id: usageKey, day: '2026-12-07', event: { type: 'visit-started' } } }] };
    client.publish(kioskTopic(pending.kioskId, 'events'), JSON.stringify(batch), { qos: 0 });
    await client.endAsync();
    const again = await kioskClient(fleet.fleet.brokerUrl, pending.kioskId, pending.credential);
    await publish(again, pending.kioskId, 'status', statusAt(fleet.clock()));
    const seen = await eventually(async () => (await fleet.api.get(`/api/kiosks/${pending.kioskId}`, fleet.admin)).json().online && 'online');
    expect(seen).toBe('online');
    expect(await fleet.api.store.usage.count()).toBe(0);
  });

  it('refuses a wrong password and a revoked kiosk', async () => {
    const fleet = await brokers.start(await stores.fresh());
    const a = await fleet.kiosk('a');
    const wrong = await runTool('mosquitto_sub', ['-p', String(fleet.port), '-u', a.kioskId, '-P', 'not-the-credential', '-t', kioskTopic(a.kioskId, 'commands'), '-C', '1']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/Connection Refused/i);
    await fleet.api.post(`/api/kiosks/${a.kioskId}/revoke`, undefined, fleet.admin);
    const revoked = await runTool('mosquitto_sub', ['-p', String(fleet.port), '-u', a.kioskId, '-P', a.credential, '-t', kioskTopic(a.kioskId, 'commands'), '-C', '1']);
    expect(revoked.code).not.toBe(0);
    expect(revoked.stderr).toMatch(/Connection Refused/i);
  });
});
