import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskTopic } from '../../../common/fleet-messages';
import { startFleetMqtt } from '../../../fleet/server/ingest/start';
import { fleetApiOn, T0 } from '../../support/fleet-api';
import { eventually, statusAt } from '../../support/fleet-mqtt';
import { FLEET_ENGINES, fleetStores } from '../../support/fleet-stores';

const run = promisify(execFile);

describe.each(FLEET_ENGINES)('the embedded broker over TLS on %s', (engine) => {
  const stores = fleetStores(engine);
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'borne-mqtt-tls-'));
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a kiosk over mqtts:// and refuses plain MQTT on the same port', async () => {
    const store = await stores.fresh();
    const fleet = await startFleetMqtt({
      store, now: () => T0, log: () => {},
      broker: { kind: 'embedded', host: '127.0.0.1', port: 0, tls: { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') } },
    });
    try {
      expect(fleet.brokerUrl).toMatch(/^mqtts:\/\/127\.0\.0\.1:\d+$/);
      const api = fleetApiOn(store, { mqtt: fleet, now: () => T0 });
      const admin = await api.loggedIn('root', 'administrator');
      const kiosk = await api.enrolledKiosk(admin);
      // Plain MQTT on the TLS port: the handshake fails and the tool exits with an error.
      const port = new URL(fleet.brokerUrl).port;
      const plain = run('mosquitto_pub', ['-h', '127.0.0.1', '-p', port, '-V', 'mqttv311', '-u', kiosk.kioskId, '-P', kiosk.credential, '-t', kioskTopic(kiosk.kioskId, 'status'), '-m', '{}']);
      await expect(plain).rejects.toThrow();
      const client = await mqtt.connectAsync(fleet.brokerUrl, {
        username: kiosk.kioskId, password: kiosk.credential, protocolVersion: 4, reconnectPeriod: 0, ca: readFileSync(path.join(dir, 'cert.pem')),
      });
      await client.publishAsync(kioskTopic(kiosk.kioskId, 'status'), JSON.stringify(statusAt(T0)), { qos: 1 });
      await eventually(async () => (await api.get(`/api/kiosks/${kiosk.kioskId}`, admin)).json().online);
      await client.endAsync();
    } finally {
      await fleet.close();
    }
  });
});
