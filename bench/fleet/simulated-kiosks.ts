// A separate process playing many kiosks over MQTT, for `npm run bench fleet`: each kiosk connects with
// its own credential, publishes its full status retained, a heartbeat every `heartbeatSeconds` (first
// one at a random moment, as real kiosks started at different times), and answers every command at once
// with a result in an `events` batch, as the kiosk agent does. Reads its orders as one JSON line on
// stdin; writes `{"connected": n}` lines on stdout, then `{"ready": n, "failed": m}`.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import mqtt, { type MqttClient } from 'mqtt';
import { FleetCommandSchema, kioskTopic, type KioskStatus } from '../../common/fleet-messages';

interface Orders {
  mqttUrl: string;
  kiosks: { id: string; credential: string }[];
  heartbeatSeconds: number;
  /** Connections opened at once: a real fleet comes back spread out, not in one burst. */
  connectConcurrency: number;
}

const startedAt = Date.now();
const status = (): KioskStatus => ({
  online: true, sentAt: new Date().toISOString(), softwareVersion: '0.1.0', uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
  visit: 'attract', devices: [{ id: 'printer', kind: 'receiptPrinter', state: 'ok', paper: 'ok', lastError: null }],
  disk: { freeBytes: 20e9, totalBytes: 64e9 }, configVersion: 0, lastError: null, restartsLastHour: 0, wipeFailed: false,
});

function playKiosk(orders: Orders, kiosk: { id: string; credential: string }): Promise<MqttClient | null> {
  return new Promise((resolve) => {
    const client = mqtt.connect(orders.mqttUrl, {
      username: kiosk.id, password: kiosk.credential, clientId: kiosk.id, protocolVersion: 4, clean: true,
      keepalive: 120, connectTimeout: 60_000, reconnectPeriod: 5_000 + Math.random() * 5_000,
      will: { topic: kioskTopic(kiosk.id, 'status'), payload: Buffer.from('{"online":false}'), qos: 1, retain: true },
    });
    const publishStatus = () => client.publish(kioskTopic(kiosk.id, 'status'), JSON.stringify(status()), { qos: 1, retain: true });
    client.on('message', (_topic, payload) => {
      const command = FleetCommandSchema.safeParse(JSON.parse(payload.toString()));
      if (!command.success) return;
      const result = { id: command.data.id, ok: true, at: new Date().toISOString() };
      client.publish(kioskTopic(kiosk.id, 'events'), JSON.stringify({ entries: [{ kind: 'command-result', key: randomUUID(), result }] }), { qos: 1 });
    });
    client.once('connect', () => {
      client.subscribe(kioskTopic(kiosk.id, 'commands'), { qos: 1 });
      publishStatus();
      setTimeout(() => {
        publishStatus();
        setInterval(publishStatus, orders.heartbeatSeconds * 1000).unref();
      }, Math.random() * orders.heartbeatSeconds * 1000).unref();
      resolve(client);
    });
    client.once('error', () => {
      client.end(true);
      resolve(null);
    });
  });
}

const line = await new Promise<string>((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
const orders = JSON.parse(line) as Orders;
let next = 0;
let connected = 0;
let failed = 0;
const clients: MqttClient[] = [];
async function worker(): Promise<void> {
  while (next < orders.kiosks.length) {
    const client = await playKiosk(orders, orders.kiosks[next++]!);
    if (client) clients.push(client);
    else failed++;
    if (++connected % 1000 === 0) process.stdout.write(`${JSON.stringify({ connected })}\n`);
  }
}
await Promise.all(Array.from({ length: orders.connectConcurrency }, worker));
process.stdout.write(`${JSON.stringify({ ready: clients.length, failed })}\n`);
process.on('SIGTERM', () => {
  for (const client of clients) client.end(true);
  process.exit(0);
});
