import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { newSecret } from '../auth/secrets';
import { DynamicSecurity } from '../broker/dynamic-security';
import { startEmbeddedBroker } from '../broker/embedded';
import { mosquittoAccess } from '../broker/external';
import type { KioskAccessControl, Publish } from '../broker/link';
import type { FleetStore } from '../store/store';
import { startHousekeeping } from './housekeeping';
import { ingest } from './ingest';
import { outbound, type Outbound } from './outbound';
import { Refusals } from './refusals';

export type BrokerChoice =
  | { kind: 'embedded'; host: string; port: number; tls?: { certFile: string; keyFile: string } }
  /** `mqtt://user:password@host:1883`: a Mosquitto with the dynamic-security plugin, this user its admin. */
  | { kind: 'external'; url: string; caFile?: string };

export interface FleetMqttOptions {
  store: FleetStore;
  broker: BrokerChoice;
  now?: () => Date;
  onlineWindowSeconds?: number;
  historyDays?: number;
  housekeepingMs?: number;
  log?: (line: string) => void;
}

export interface FleetMqtt {
  /** Where kiosks connect. */
  brokerUrl: string;
  outbound: Outbound;
  access: KioskAccessControl;
  refusals: Refusals;
  close(): Promise<void>;
}

/** The topics the server listens on: what kiosks publish (broker/access.ts KIOSK_PUBLISHES). */
const SUBSCRIPTIONS = ['kiosk/+/status', 'kiosk/+/events', 'kiosk/+/config/reported', 'kiosk/+/commands/result'];
/** Messages waiting to be stored at most; beyond, they are refused and the kiosk sends them again (no ack). */
const MAX_WAITING = 10_000;

/** The MQTT half of the fleet server: the broker (embedded, or the external one provisioned), the server's own client, ingest and housekeeping. */
export async function startFleetMqtt(options: FleetMqttOptions): Promise<FleetMqtt> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const refusals = new Refusals(log);
  const { client, access, brokerUrl, closeBroker } = await connect(options.broker, options.store);
  const publish: Publish = async (topic, payload, { retain }) => {
    await client.publishAsync(topic, JSON.stringify(payload), { qos: 1, retain });
  };
  const out = outbound({ store: options.store, publish, now, onlineWindowMs: (options.onlineWindowSeconds ?? 90) * 1000 });
  const handle = ingest({ store: options.store, now, outbound: out, refusals });

  // One chain per kiosk keeps its messages in order (a status, then its last will); kiosks run side by side.
  const chains = new Map<string, Promise<void>>();
  let waiting = 0;
  client.on('message', (topic, payload, packet) => {
    if (waiting >= MAX_WAITING) return refusals.note('server overloaded', topic);
    waiting++;
    const key = topic.split('/')[1] ?? '';
    const next = (chains.get(key) ?? Promise.resolve()).then(() => handle(topic, payload, packet.retain)).finally(() => {
      waiting--;
      if (chains.get(key) === next) chains.delete(key);
    });
    chains.set(key, next);
  });
  await client.subscribeAsync(SUBSCRIPTIONS, { qos: 1 });
  await out.republishConfigs();
  const stopHousekeeping = startHousekeeping({ store: options.store, now, historyDays: options.historyDays ?? 30, everyMs: options.housekeepingMs ?? 60_000, log });

  return {
    brokerUrl,
    outbound: out,
    access,
    refusals,
    async close() {
      stopHousekeeping();
      await client.endAsync();
      await Promise.allSettled(chains.values());
      await closeBroker();
    },
  };
}

async function connect(choice: BrokerChoice, store: FleetStore): Promise<{ client: MqttClient; access: KioskAccessControl; brokerUrl: string; closeBroker(): Promise<void> }> {
  const base: IClientOptions = { protocolVersion: 4, clean: true, clientId: `borne-fleet-${randomUUID()}`, reconnectPeriod: 1000 };
  if (choice.kind === 'embedded') {
    const server = { username: `borne-fleet-server-${randomUUID()}`, password: newSecret() };
    const broker = await startEmbeddedBroker({ store, host: choice.host, port: choice.port, tls: choice.tls, server });
    // The server trusts exactly its own certificate, whatever name it was made for.
    const tls: IClientOptions = choice.tls ? ({ ca: readFileSync(choice.tls.certFile), checkServerIdentity: () => undefined } as IClientOptions) : {};
    const client = await mqtt.connectAsync(broker.url.replace('0.0.0.0', '127.0.0.1'), { ...base, ...tls, ...server });
    const access: KioskAccessControl = {
      kioskEnrolled: async () => {},
      kioskMoved: async (kioskId, state) => broker.kioskMoved(kioskId, state),
    };
    return { client, access, brokerUrl: broker.url, closeBroker: () => broker.close() };
  }
  const url = new URL(choice.url);
  const tls: IClientOptions = choice.caFile ? { ca: readFileSync(choice.caFile) } : {};
  const admin = await mqtt.connectAsync(choice.url, { ...base, ...tls, clientId: `borne-fleet-admin-${randomUUID()}` });
  const access = mosquittoAccess(await DynamicSecurity.over(admin));
  const server = { username: 'borne-fleet-server', password: newSecret() };
  await access.admitServer(server.username, server.password);
  url.username = '';
  url.password = '';
  const client = await mqtt.connectAsync(url.toString(), { ...base, ...tls, ...server });
  return { client, access, brokerUrl: url.toString().replace(/\/$/, ''), closeBroker: () => admin.endAsync() };
}
