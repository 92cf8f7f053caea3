import { execFileSync } from 'node:child_process';
import mqtt, { type MqttClient } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { kioskTopic } from '../../../common/fleet-messages';
import { newSecret } from '../../../fleet/server/auth/secrets';
import { startEmbeddedBroker } from '../../../fleet/server/broker/embedded';
import { approvedKiosks } from '../../support/approved-kiosks';
import { T0 } from '../../support/fleet-api';
import { fleetStores } from '../../support/fleet-stores';

// Past about 2,700 kiosks, closing the broker used to overflow the stack and kill the fleet server
// (broker/embedded.ts, `concurrency`): each kiosk's last will and disconnect notice queued at once.
const KIOSKS = 4_000;
// Two descriptors per kiosk (its end and the broker's), and some to spare for the rest of the process.
const DESCRIPTORS_NEEDED = KIOSKS * 2 + 500;

const openFilesLimit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
const tooFewDescriptors = Number.isFinite(openFilesLimit) && openFilesLimit < DESCRIPTORS_NEEDED;
if (tooFewDescriptors) console.log(`skipped: ${KIOSKS} kiosks need ${DESCRIPTORS_NEEDED} open files; this shell allows ${openFilesLimit} (ulimit -n)`);

describe.skipIf(tooFewDescriptors)('the embedded broker with thousands of kiosks', () => {
  const stores = fleetStores('sqlite');

  it(`closes with ${KIOSKS} kiosks connected, each with a last will, without overflowing the stack`, async () => {
    const store = await stores.fresh();
    const admin = await store.accounts.create({ username: 'root', passwordHash: 'unused', role: 'administrator', at: T0.toISOString() });
    const kiosks = await approvedKiosks(store, KIOSKS, { adminId: admin.id, at: T0.toISOString() });
    const server = { username: 'fleet-server', password: newSecret() };
    const broker = await startEmbeddedBroker({ store, host: '127.0.0.1', port: 0, server });
    const clients: MqttClient[] = [];
    try {
      // The fleet server's own client, still subscribed to every kiosk's status as the broker closes.
      clients.push(await mqtt.connectAsync(broker.url, { ...server, protocolVersion: 4, reconnectPeriod: 0 }));
      await clients[0]!.subscribeAsync('kiosk/+/status', { qos: 1 });
      for (let at = 0; at < kiosks.length; at += 200) {
        clients.push(...(await Promise.all(kiosks.slice(at, at + 200).map((kiosk) => connected(broker.url, kiosk)))));
      }
      expect(clients.filter((client) => client.connected)).toHaveLength(KIOSKS + 1);
      // A stack overflow in the broker surfaces as an uncaught error, after close has answered.
      const uncaught: Error[] = [];
      const note = (error: Error) => uncaught.push(error);
      process.on('uncaughtException', note);
      await broker.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
      process.off('uncaughtException', note);
      expect(uncaught.map((error) => error.message)).toEqual([]);
      expect(clients.filter((client) => client.connected)).toHaveLength(0);
    } finally {
      for (const client of clients) client.end(true);
    }
  }, 120_000);
});

function connected(url: string, kiosk: { id: string; credential: string }): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    username: kiosk.id, password: kiosk.credential, clientId: kiosk.id, protocolVersion: 4, reconnectPeriod: 0,
    will: { topic: kioskTopic(kiosk.id, 'status'), payload: Buffer.from('{"online":false}'), qos: 1, retain: true },
  });
}
