import { createServer, type Server } from 'node:http';
import mqtt, { type MqttClient } from 'mqtt';
import {
  EventsBatchSchema, kioskTopic, parseKioskTopic, ReportedConfigSchema, StatusMessageSchema,
  type DesiredConfig, type FleetCommand, type OutboxEntry, type ReportedConfig, type StatusMessage,
} from '../../common/fleet-messages';

/**
 * The server's side of the MQTT contract, small enough to read: it stores each idempotency key once and
 * acknowledges every batch, as the real ingest does, and it can push desired configuration and commands.
 * `deliveries` counts how often each key arrived (a resent batch counts twice there, once in `stored`).
 */
export class FakeFleet {
  readonly deliveries = new Map<string, number>();
  readonly stored = new Map<string, OutboxEntry>();
  readonly statuses: StatusMessage[] = [];
  readonly reported: ReportedConfig[] = [];
  /** While false, batches are received and not acknowledged (a server that missed them). */
  acknowledging = true;

  private constructor(private readonly client: MqttClient) {
    client.on('message', (topic, payload) => this.received(topic, payload));
  }

  static async connect(url: string): Promise<FakeFleet> {
    const client = mqtt.connect(url, { protocolVersion: 4, clientId: `fake-fleet-${process.pid}-${Date.now()}`, clean: true, reconnectPeriod: 100 });
    const fleet = new FakeFleet(client);
    // Subscribed on every connection, since the session is clean: a broker restart forgets it.
    client.on('connect', () => client.subscribe(['kiosk/+/status', 'kiosk/+/events', 'kiosk/+/config/reported'], { qos: 1 }));
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    await client.subscribeAsync(['kiosk/+/status', 'kiosk/+/events', 'kiosk/+/config/reported'], { qos: 1 });
    return fleet;
  }

  get connected(): boolean {
    return this.client.connected;
  }

  entriesOf<K extends OutboxEntry['kind']>(kind: K): Array<Extract<OutboxEntry, { kind: K }>> {
    return [...this.stored.values()].filter((entry): entry is Extract<OutboxEntry, { kind: K }> => entry.kind === kind);
  }

  async desire(kioskId: string, desired: DesiredConfig): Promise<void> {
    await this.client.publishAsync(kioskTopic(kioskId, 'config/desired'), JSON.stringify(desired), { qos: 1, retain: true });
  }

  async command(kioskId: string, command: FleetCommand): Promise<void> {
    await this.client.publishAsync(kioskTopic(kioskId, 'commands'), JSON.stringify(command), { qos: 1 });
  }

  async stop(): Promise<void> {
    await this.client.endAsync(true);
  }

  private received(topic: string, payload: Buffer): void {
    const parsed = parseKioskTopic(topic);
    if (!parsed) throw new Error(`a message on an unknown topic: ${topic}`);
    const json = JSON.parse(payload.toString());
    if (parsed.leaf === 'status') this.statuses.push(StatusMessageSchema.parse(json));
    if (parsed.leaf === 'config/reported') this.reported.push(ReportedConfigSchema.parse(json));
    if (parsed.leaf !== 'events') return;
    const batch = EventsBatchSchema.parse(json);
    for (const entry of batch.entries) {
      this.deliveries.set(entry.key, (this.deliveries.get(entry.key) ?? 0) + 1);
      if (!this.stored.has(entry.key)) this.stored.set(entry.key, entry);
    }
    if (this.acknowledging) {
      void this.client.publishAsync(kioskTopic(parsed.kioskId, 'events/ack'), JSON.stringify({ keys: batch.entries.map((entry) => entry.key) }), { qos: 1 });
    }
  }
}

/** The fleet API's attachment upload, as the kiosk calls it: records the bearer and the body of each upload. */
export async function attachmentReceiver(): Promise<{ url: string; uploads: Array<{ path: string; bearer: string; bytes: Buffer }>; close(): Promise<void> }> {
  const uploads: Array<{ path: string; bearer: string; bytes: Buffer }> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      uploads.push({ path: request.url ?? '', bearer: request.headers.authorization ?? '', bytes: Buffer.concat(chunks) });
      response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, uploads, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
