import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AlertEvaluator } from './alerts/evaluator';
import { AlertNotifier } from './alerts/notifier';
import { buildFleetApi } from './api/app';
import { ensureFirstAdministrator } from './first-administrator';
import { startFleetMqtt, type BrokerChoice } from './ingest/start';
import { postgresLocation, type StoreLocation } from './store/open';
import { openStore } from './store/store';

/**
 * `npm run fleet [-- --port 8440 --host 127.0.0.1 --state <folder> --database postgres://…]`: the fleet
 * server with its embedded defaults (a SQLite file in the state folder). On first start it prints the
 * first administrator's password, once.
 */
const USAGE = [
  'usage: npm run fleet -- [--port <n>] [--host <address>] [--state <folder>] [--database postgres://…] [--trust-proxy] [--alert-interval <seconds>]',
  '         [--mqtt-port <n>] [--mqtt-host <address>] [--mqtt-tls-cert <pem> --mqtt-tls-key <pem>]   (embedded broker)',
  '         [--mqtt mqtt://admin:password@host:1883 [--mqtt-ca <pem>]]   (external Mosquitto with dynamic security)',
  '         [--mqtt-public-url mqtts://fleet.example.org:8883]   (what kiosks are told, when their own view is wrong)',
  '         [--online-window-seconds <n>] [--history-days <n>]',
].join('\n');

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: '8440' },
      host: { type: 'string', default: '127.0.0.1' },
      state: { type: 'string' },
      database: { type: 'string' },
      // Behind a TLS-terminating reverse proxy: client addresses and the scheme come from X-Forwarded-*.
      'trust-proxy': { type: 'boolean', default: false },
      // How often the alert rules are evaluated against the kiosks' latest statuses.
      'alert-interval': { type: 'string', default: '30' },
      'mqtt-port': { type: 'string', default: '1883' },
      'mqtt-host': { type: 'string' },
      'mqtt-tls-cert': { type: 'string' },
      'mqtt-tls-key': { type: 'string' },
      mqtt: { type: 'string' },
      'mqtt-ca': { type: 'string' },
      'mqtt-public-url': { type: 'string' },
      'online-window-seconds': { type: 'string', default: '90' },
      'history-days': { type: 'string', default: '30' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0 to 65535, not ${args.port}`);

const alertIntervalSeconds = Number(args['alert-interval']);
if (!Number.isInteger(alertIntervalSeconds) || alertIntervalSeconds < 1 || alertIntervalSeconds > 3600) fail(`--alert-interval must be 1 to 3600 seconds, not ${args['alert-interval']}`);
const count = (flag: string, value: string, min: number, max: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${flag} must be ${min} to ${max}, not ${value}`);
  return n;
};
const mqttPort = count('mqtt-port', args['mqtt-port'], 0, 65535);
const onlineWindowSeconds = count('online-window-seconds', args['online-window-seconds'], 10, 86_400);
const historyDays = count('history-days', args['history-days'], 1, 3650);
if (Boolean(args['mqtt-tls-cert']) !== Boolean(args['mqtt-tls-key'])) fail('--mqtt-tls-cert and --mqtt-tls-key go together');
if (args['mqtt-public-url'] && !/^mqtts?:\/\/[^/@]+$/.test(args['mqtt-public-url'])) fail('--mqtt-public-url must be mqtt://host:port or mqtts://host:port, without credentials or a path');
if (args.mqtt && !/^mqtts?:\/\/[^@/]+:[^@/]+@/.test(args.mqtt)) fail('--mqtt must be mqtt://user:password@host:port (the dynamic-security admin)');
const broker: BrokerChoice = args.mqtt
  ? { kind: 'external', url: args.mqtt, ...(args['mqtt-ca'] ? { caFile: args['mqtt-ca'] } : {}) }
  : {
    kind: 'embedded', host: args['mqtt-host'] ?? args.host, port: mqttPort,
    ...(args['mqtt-tls-cert'] && args['mqtt-tls-key'] ? { tls: { certFile: args['mqtt-tls-cert'], keyFile: args['mqtt-tls-key'] } } : {}),
  };

const stateDir = args.state ?? path.join(process.env.XDG_STATE_HOME || path.join(homedir(), '.local', 'state'), 'borne-fleet');
let location: StoreLocation;
if (args.database) {
  const parsed = postgresLocation(args.database);
  if ('error' in parsed) fail(parsed.error);
  location = parsed;
} else {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  location = { engine: 'sqlite', file: path.join(stateDir, 'fleet.sqlite') };
}

const store = await openStore(location);
const firstAdministrator = await ensureFirstAdministrator(store, new Date());
const mqtt = await startFleetMqtt({ store, broker, onlineWindowSeconds, historyDays });
const app = buildFleetApi({ store, trustProxy: args['trust-proxy'], logger: { level: 'warn' }, mqtt, onlineWindowSeconds, stateDir, ...(args['mqtt-public-url'] ? { mqttPublicUrl: args['mqtt-public-url'] } : {}) });
const address = await app.listen({ port, host: args.host });

const alertLog = { warn: (message: string) => app.log.warn(message) };
const alerts = new AlertEvaluator({ store, now: () => new Date(), log: alertLog, notifier: new AlertNotifier({ store, now: () => new Date(), log: alertLog }) });
alerts.start(alertIntervalSeconds * 1000);

// One write: a reader of the pipe (a supervisor, a test) gets the whole banner at once, never its first lines alone.
process.stdout.write([
  `Borne fleet server on ${address} (store: ${location.engine === 'sqlite' ? location.file : 'PostgreSQL'})`,
  `  console: ${address}/   API: ${address}/api   OpenAPI: ${address}/api/openapi.json`,
  `  MQTT broker for kiosks: ${mqtt.brokerUrl}${broker.kind === 'external' ? ' (external)' : ''}`,
  ...(firstAdministrator ? [`  first administrator (shown this once): ${firstAdministrator.username} / ${firstAdministrator.password}`] : []),
].map((line) => `${line}\n`).join(''));

const stop = async () => {
  await alerts.stop();
  await app.close();
  await mqtt.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
