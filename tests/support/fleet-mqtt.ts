import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { kioskTopic, type KioskStatus, type KioskTopicLeaf } from '../../common/fleet-messages';
import { startFleetMqtt, type FleetMqtt } from '../../fleet/server/ingest/start';
import type { FleetStore } from '../../fleet/server/store/store';
import { fleetApiOn, T0 } from './fleet-api';
import { startMosquitto, type TestMosquitto } from './mosquitto';

/** Both brokers every MQTT test runs against: the embedded aedes and a real Mosquitto the test starts. */
export const FLEET_BROKERS = ['embedded', 'mosquitto'] as const;
export type FleetBroker = (typeof FLEET_BROKERS)[number];

const started: FleetMqtt[] = [];
const clients: MqttClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.end(true);
  await Promise.all(started.splice(0).map((fleet) => fleet.close()));
});

/** Call inside a describe: starts what the broker needs for the block and returns `start(store)`, a whole fleet server over it. */
export function fleetBrokers(broker: FleetBroker) {
  let mosquitto: TestMosquitto | undefined;
  beforeAll(async () => {
    if (broker === 'mosquitto') mosquitto = await startMosquitto();
  }, 30_000);
  afterAll(async () => {
    await mosquitto?.stop();
  });
  return {
    get mosquitto() {
      return mosquitto;
    },
    /** The API (injected requests) and the MQTT side on one store and one clock the test moves. */
    async start(store: FleetStore, options: { onlineWindowSeconds?: number } = {}) {
      let now = T0.getTime();
      const clock = () => new Date(now);
      const fleet = await startFleetMqtt({
        store,
        now: clock,
        broker: broker === 'embedded' ? { kind: 'embedded', host: '127.0.0.1', port: 0 } : { kind: 'external', url: mosquitto!.adminUrl },
        housekeepingMs: 3_600_000,
        log: () => {},
        ...options,
      });
      started.push(fleet);
      const api = fleetApiOn(store, { mqtt: fleet, now: clock, ...options });
      const admin = await api.loggedIn('root', 'administrator');
      const port = Number(new URL(fleet.brokerUrl).port);
      return {
        api, admin, fleet, port, clock,
        advance(ms: number) {
          now += ms;
        },
        /** An enrolled and approved kiosk. */
        async kiosk(name = 'town hall') {
          const kiosk = await api.enrolledKiosk(admin, name);
          const approved = await api.post(`/api/kiosks/${kiosk.kioskId}/approve`, undefined, admin);
          if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
          return kiosk;
        },
        /** Connects as the kiosk, with its last will, and subscribes to what a kiosk listens to. */
        async connect(kiosk: { kioskId: string; credential: string }, subscribe: KioskTopicLeaf[] = ['events/ack', 'config/desired', 'commands']) {
          const client = await kioskClient(fleet.brokerUrl, kiosk.kioskId, kiosk.credential);
          if (subscribe.length) await client.subscribeAsync(subscribe.map((leaf) => kioskTopic(kiosk.kioskId, leaf)), { qos: 1 });
          return client;
        },
      };
    },
  };
}

export async function kioskClient(url: string, username: string, password: string): Promise<MqttClient> {
  const client = await mqtt.connectAsync(url, {
    username, password, protocolVersion: 4, clean: true, reconnectPeriod: 0, connectTimeout: 5000,
    will: { topic: kioskTopic(username, 'status'), payload: Buffer.from(JSON.stringify({ online: false })), qos: 1, retain: true },
  });
  clients.push(client);
  return client;
}

export function publish(client: MqttClient, kioskId: string, leaf: KioskTopicLeaf, payload: unknown, retain = false) {
  return client.publishAsync(kioskTopic(kioskId, leaf), typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload), { qos: 1, retain });
}

/** The next message on `topic`, parsed. */
export function nextMessage(client: MqttClient, topic: string): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (received: string, payload: Buffer) => {
      if (received !== topic) return;
      client.off('message', listener);
      resolve(JSON.parse(payload.toString('utf8')));
    };
    client.on('message', listener);
  });
}

/** Polls `check` until it holds; the test's own timeout bounds the wait. */
export async function eventually<T>(check: () => Promise<T | undefined | false>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function statusAt(sentAt: Date, overrides: Partial<KioskStatus> = {}): KioskStatus {
  return {
    online: true, sentAt: sentAt.toISOString(), softwareVersion: '0.9.0', uptimeSeconds: 120, visit: 'attract', devices: [],
    disk: { freeBytes: 10_000_000, totalBytes: 20_000_000 }, configVersion: 0, lastError: null, restartsLastHour: 0, wipeFailed: false,
    ...overrides,
  };
}
