import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { Aedes, type Client } from 'aedes';
import { FLEET_MESSAGE_MAX_BYTES } from '../../../common/fleet-messages';
import { sameSecret, secretHash } from '../auth/secrets';
import type { KioskState } from '../store/schema';
import type { FleetStore } from '../store/store';
import { mayUse, type BrokerIdentity } from './access';
import { limitPacketSize } from './packet-limit';

export interface EmbeddedBrokerOptions {
  store: FleetStore;
  host: string;
  port: number;
  /** PEM files: with both, the broker speaks MQTT over TLS (mqtts://). */
  tls?: { certFile: string; keyFile: string };
  /** The fleet server's own client logs in with this username and password, made fresh at each start. */
  server: { username: string; password: string };
}

export interface EmbeddedBroker {
  url: string;
  /** A kiosk's state changed: revoked drops its sessions at once, approved widens what it may do. */
  kioskMoved(kioskId: string, state: KioskState): void;
  close(): Promise<void>;
}

/** Topic, client id and the fixed header fit in this much beside the largest payload. */
const PACKET_OVERHEAD_BYTES = 1024;

/**
 * The broker inside the fleet server (aedes, MQTT 3.1.1). A kiosk logs in with its id as username and its
 * credential as password; the ACL (access.ts) keeps it to its own topics.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const identities = new WeakMap<Client, BrokerIdentity>();
  const sessions = new Map<string, Set<Client>>();
  const broker = await Aedes.createBroker({
    // No cap on messages in delivery at once. Under aedes's default cap of 100, messages beyond it wait in
    // mqemitter's queue, and the queue drains by recursion whenever a delivery finishes at once. Closing
    // the broker with thousands of kiosks connected queues each one's last will and disconnect notice in
    // one go, and that recursion overflowed the stack and killed the server (bench fleet, 10,000 kiosks).
    // With no cap nothing queues. A kiosk that stops reading still cannot hold others up: aedes drops it
    // after drainTimeout (60 s).
    concurrency: 0,
    authenticate: (client, username, password, done) => {
      void identify(options, username, password?.toString('utf8')).then((identity) => {
        if (!identity) return done(refusal(), false);
        identities.set(client, identity);
        if (identity.kind === 'kiosk') {
          const set = sessions.get(identity.kioskId) ?? new Set();
          sessions.set(identity.kioskId, set.add(client));
        }
        done(null, true);
      }, () => done(refusal(3), false));
    },
    authorizePublish: (client, packet, done) => {
      // A null client is the broker itself; a last will comes with its owner and is checked like its owner's publish.
      const identity = client ? identities.get(client) : ({ kind: 'server' } as const);
      done(identity && mayUse(identity, packet.topic, 'publish') ? null : new Error('not allowed'));
    },
    authorizeSubscribe: (client, subscription, done) => {
      const identity = identities.get(client);
      // Refused subscriptions are granted as failures (0x80) rather than dropping the connection.
      done(null, identity && mayUse(identity, subscription.topic, 'subscribe') ? subscription : null);
    },
  });
  broker.on('clientDisconnect', (client) => {
    const identity = identities.get(client);
    if (identity?.kind === 'kiosk') sessions.get(identity.kioskId)?.delete(client);
  });

  const maxBytes = FLEET_MESSAGE_MAX_BYTES + PACKET_OVERHEAD_BYTES;
  const accept = (socket: Socket) => {
    socket.on('error', () => socket.destroy());
    broker.handle(limitPacketSize(socket, maxBytes));
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) }, accept)
    : createTcpServer(accept);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `${options.tls ? 'mqtts' : 'mqtt'}://${host}:${port}`,
    kioskMoved(kioskId, state) {
      for (const client of sessions.get(kioskId) ?? []) {
        // Set first: a revoked kiosk's last will is then refused like anything else it would publish.
        identities.set(client, { kind: 'kiosk', kioskId, state });
        if (state === 'revoked') client.close();
      }
      if (state === 'revoked') sessions.delete(kioskId);
    },
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function identify(options: EmbeddedBrokerOptions, username: string | undefined, password: string | undefined): Promise<BrokerIdentity | undefined> {
  if (!username || !password) return undefined;
  if (username === options.server.username) return sameSecret(password, options.server.password) ? { kind: 'server' } : undefined;
  const kiosk = await options.store.kiosks.byCredentialHash(secretHash(password));
  if (!kiosk || kiosk.id !== username || kiosk.state === 'revoked') return undefined;
  return { kind: 'kiosk', kioskId: kiosk.id, state: kiosk.state };
}

/** CONNACK 4 (bad username or password) unless told otherwise: the client learns nothing more. */
function refusal(returnCode: 3 | 4 | 5 = 4): Error & { returnCode: number } {
  return Object.assign(new Error('connection refused'), { returnCode });
}
