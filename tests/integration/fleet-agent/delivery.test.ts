import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENTS_BATCH_MAX, KioskStatusSchema } from '../../../common/fleet-messages';
import { FakeFleet } from '../../support/fake-fleet';
import { TEST_BROKERS, testBroker, type TestBroker } from '../../support/mqtt-brokers';
import { KioskUnderTest } from './kiosk-under-test';

const WAIT = { timeout: 20_000, interval: 50 };

describe.each(TEST_BROKERS)('fleet agent delivery through %s', (brokerName) => {
  let broker: TestBroker;
  let fleet: FakeFleet;
  let kiosk: KioskUnderTest;

  beforeEach(async () => {
    broker = await testBroker(brokerName);
    await broker.start();
    fleet = await FakeFleet.connect(broker.url);
    kiosk = new KioskUnderTest(broker.url);
  });
  afterEach(async () => {
    await kiosk.dispose();
    await fleet.stop();
    await broker.dispose();
  });

  it('delivers exactly the N events made while cut from the broker, none twice, across an agent restart', async () => {
    await kiosk.startAgent();
    const online = kiosk.produce(3);
    await vi.waitFor(() => expect(fleet.stored.size).toBe(3), WAIT);

    await broker.stop();
    const offline = kiosk.produce(EVENTS_BATCH_MAX + 50); // more than one batch
    await kiosk.restartAgent(); // the host restarts while the kiosk is still cut off
    offline.push(...kiosk.produce(40));
    await broker.start();

    const all = [...online, ...offline];
    await vi.waitFor(() => expect(fleet.stored.size).toBe(all.length), WAIT);
    await vi.waitFor(() => expect(kiosk.agent!.waiting).toBe(0), WAIT); // acknowledged, so deleted
    // Each event under its one key: the server, which stores a key once, counts N, not one more. (QoS 1 may
    // carry a batch twice on the wire when an acknowledgement is slow; the keys make that harmless.)
    expect(fleet.stored.size).toBe(all.length);
    expect([...fleet.stored.keys()].sort()).toEqual([...all].sort());
    expect(kiosk.usage.size).toBe(0);
  });

  it('keeps what the server did not acknowledge and sends it again', async () => {
    fleet.acknowledging = false;
    await kiosk.startAgent();
    const keys = kiosk.produce(5);
    await vi.waitFor(() => expect([...fleet.deliveries.values()].some((times) => times >= 2)).toBe(true), WAIT);
    expect(kiosk.agent!.waiting).toBe(5);
    fleet.acknowledging = true;
    await vi.waitFor(() => expect(kiosk.agent!.waiting).toBe(0), WAIT);
    expect([...fleet.stored.keys()].sort()).toEqual([...keys].sort());
  });

  it('sends its full status again on every reconnection, retained', async () => {
    await kiosk.startAgent();
    await vi.waitFor(() => expect(fleet.statuses.some((status) => status.online)).toBe(true), WAIT);
    const first = fleet.statuses.find((status) => status.online);
    expect(KioskStatusSchema.parse(first)).toMatchObject({
      softwareVersion: '9.9.9-test',
      visit: 'attract',
      configVersion: 0,
      devices: [{ id: 'receipt', kind: 'receiptPrinter', state: 'degraded', paper: 'near-end', lastError: 'paper near its end' }],
      wipeFailed: false,
    });

    await broker.stop();
    kiosk.facts = { ...kiosk.facts, visit: 'maintenance' };
    const before = fleet.statuses.length;
    await broker.start();
    // The broker restarted empty: what the server hears is the kiosk's own publication after it came back.
    await vi.waitFor(() => expect(fleet.statuses.slice(before).some((status) => status.online && status.visit === 'maintenance')).toBe(true), WAIT);
    const latest = KioskStatusSchema.parse(fleet.statuses.findLast((status) => status.online));
    expect(latest.disk.totalBytes).toBeGreaterThan(0);
  });
});

// Aedes only: the test drops the kiosk's own connection while the broker stays up, which Mosquitto offers no handle for.
describe('fleet agent last will through aedes', () => {
  it('is marked gone by its last will when its link drops without a goodbye, and back on reconnection', async () => {
    const broker = await testBroker('aedes');
    await broker.start();
    const fleet = await FakeFleet.connect(broker.url);
    const kiosk = new KioskUnderTest(broker.url);
    try {
      await kiosk.startAgent();
      await vi.waitFor(() => expect(fleet.statuses.some((status) => status.online)).toBe(true), WAIT);
      const before = fleet.statuses.length;
      broker.cut!(`borne-kiosk-${kiosk.kioskId}`);
      await vi.waitFor(() => expect(fleet.statuses.slice(before)).toContainEqual({ online: false }), WAIT);
      const gone = fleet.statuses.length;
      await vi.waitFor(() => expect(fleet.statuses.slice(gone).some((status) => status.online)).toBe(true), WAIT);
    } finally {
      await kiosk.dispose();
      await fleet.stop();
      await broker.dispose();
    }
  });
});
