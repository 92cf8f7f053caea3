import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { CardPresence } from '../../../common/cards';
import { DEFAULT_CARD_RULES, SmartCardReaderConfigSchema, VPCD_DEFAULT_PORT } from '../../../common/device-config';
import type { DeviceStatus } from '../../../common/devices';
import { SmartCardReaderDriver } from '../../../devices/drivers/smart-card-reader';
import { silentLogger } from '../../../devices/logger';
import { CARD_MODELS, type CardModel } from '../../../devices/simulators/card-models';
import { VirtualCard } from '../../../devices/simulators/virtual-card';
import { runTechnician } from '../../../devices/technician';
import { PcscTransport } from '../../../devices/transports/pcsc-transport';
import { startPcscd, VPCD_READER, type Pcscd } from './pcscd-support';
import { nextEvent, runningProcesses } from './support';

// The real stack: pcsclite → pcscd → vpcd → a virtual card over TCP, played by the simulator.
let pcscd: Pcscd;
let driver: SmartCardReaderDriver;
const retry = { firstMs: 100, maxMs: 500 };

const insert = (model: CardModel): VirtualCard => {
  const card = new VirtualCard(model, { host: '127.0.0.1', port: VPCD_DEFAULT_PORT, logger: silentLogger, retry });
  card.insert();
  return card;
};
const nextCard = (accept: (presence: CardPresence) => boolean = () => true) => nextEvent<[CardPresence]>(driver, 'card', accept);
const statusWhere = (accept: (status: DeviceStatus) => boolean) => nextEvent<[DeviceStatus]>(driver, 'status', accept);

beforeAll(async () => {
  pcscd = await startPcscd();
  driver = new SmartCardReaderDriver(new PcscTransport({ reader: VPCD_READER, logger: silentLogger, retry }), silentLogger, DEFAULT_CARD_RULES, VPCD_READER);
  const ready = driver.status.state === 'ready' ? Promise.resolve() : statusWhere((status) => status.state === 'ready');
  await driver.start();
  await ready;
});

/** The tests that stop pcscd stop only the one they started. */
function skipUnlessOurPcscd(context: TestContext): void {
  if (pcscd.owned) return;
  console.log('skipped: a pcscd this test did not start is running; stopping it is not this test\'s to do');
  context.skip();
}

afterAll(async () => {
  await driver?.stop();
  await pcscd?.stop();
});

describe('smart-card reader through pcscd and vpcd', () => {
  it('recognises a health insurance card put in the reader, and says when it is taken out', async () => {
    const inserted = nextCard();
    const card = insert(CARD_MODELS['health-insurance']());
    expect(await inserted).toEqual([{ type: 'inserted', kind: 'health-insurance' }]);
    const removed = nextCard();
    await card.remove();
    expect(await removed).toEqual([{ type: 'removed' }]);
  });

  it('recognises an identity card by the eMRTD application it selects', async () => {
    const inserted = nextCard();
    const card = insert(CARD_MODELS.identity());
    expect(await inserted).toEqual([{ type: 'inserted', kind: 'identity' }]);
    const removed = nextCard();
    await card.remove();
    await removed;
  });

  it('a card pulled out mid-exchange is a clean fault; the driver goes on and recognises the next card', async () => {
    const identity = CARD_MODELS.identity();
    const pulled: CardModel = { atr: identity.atr, answer: () => null };
    const fault = nextEvent<[string]>(driver, 'fault');
    const removed = nextCard((presence) => presence.type === 'removed');
    const first = insert(pulled);
    const [reason] = await fault;
    expect(reason).toMatch(/^(the exchange with the card failed: |the card's answer to SELECT is not a response: )/);
    await removed;
    await first.remove();
    const inserted = nextCard((presence) => presence.type === 'inserted');
    const next = insert(identity);
    expect(await inserted).toEqual([{ type: 'inserted', kind: 'identity' }]);
    const out = nextCard((presence) => presence.type === 'removed');
    await next.remove();
    await out;
  });

  it('technician: read opens the reader and says the kind of the card in it, and nothing more', async () => {
    const printed: string[] = [];
    const devices = { smartCardReader: SmartCardReaderConfigSchema.parse({ reader: VPCD_READER, simulator: { card: 'identity' } }) };
    const removed = nextCard((presence) => presence.type === 'removed');
    const done = await runTechnician(['read', 'smartCardReader', '--json'], { devices, socketPath: '/nonexistent/borne-devices.sock', out: (text) => printed.push(text) });
    expect(done).toEqual({ ok: true, value: undefined });
    expect(JSON.parse(printed.join(''))).toEqual({ card: 'identity' });
    // Its card leaves the reader with it (the next test puts another one in).
    await removed;
  });

  it('technician: status with no kiosk running finds the reader there at once, not absent for a moment', async () => {
    const printed: string[] = [];
    const devices = { smartCardReader: SmartCardReaderConfigSchema.parse({ reader: VPCD_READER }) };
    const done = await runTechnician(['status', '--json'], { devices, socketPath: '/nonexistent/borne-devices.sock', out: (text) => printed.push(text) });
    expect(done).toEqual({ ok: true, value: undefined });
    expect(JSON.parse(printed.join(''))).toEqual([expect.objectContaining({ id: 'smartCardReader', state: 'ok' })]);
  });

  it('technician: simulate plays a card in vpcd until interrupted, and the reader recognises it', async () => {
    let interrupt!: () => void;
    const inserted = nextCard((presence) => presence.type === 'inserted');
    const playing = runTechnician(['simulate', 'smartCardReader', '--port', String(VPCD_DEFAULT_PORT)], {
      devices: {}, socketPath: '/nonexistent/borne-devices.sock', out: () => {}, interrupted: new Promise((resolve) => (interrupt = resolve)),
    });
    expect(await inserted).toEqual([{ type: 'inserted', kind: 'health-insurance' }]);
    const removed = nextCard((presence) => presence.type === 'removed');
    interrupt();
    expect(await playing).toEqual({ ok: true, value: undefined });
    await removed;
  });

  it('without pcscd the reader is absent with a reason a technician can act on, and comes back with it', async (context) => {
    skipUnlessOurPcscd(context);
    const absent = statusWhere((status) => status.state === 'offline' && status.absent === true && /pcscd/.test(status.reason));
    await pcscd.stop();
    const [status] = await absent;
    expect(status).toMatchObject({ state: 'offline', absent: true });
    const back = statusWhere((s) => s.state === 'ready');
    pcscd = await startPcscd();
    await back;
    const inserted = nextCard((presence) => presence.type === 'inserted');
    const card = insert(CARD_MODELS['health-insurance']());
    expect(await inserted).toEqual([{ type: 'inserted', kind: 'health-insurance' }]);
    await card.remove();
  });

  // The binding's close froze the process that called it about one time in three when pcscd went (a
  // frozen test never ends): pcsc-transport.ts now kills the helper process that holds the binding instead.
  it('comes back each time pcscd stops and starts again, four times in a row', async (context) => {
    skipUnlessOurPcscd(context);
    for (let round = 0; round < 4; round++) {
      const absent = statusWhere((status) => status.state === 'offline' && status.absent === true);
      await pcscd.stop();
      await absent;
      const back = statusWhere((status) => status.state === 'ready');
      pcscd = await startPcscd();
      await back;
    }
    const inserted = nextCard((presence) => presence.type === 'inserted');
    const card = insert(CARD_MODELS['identity']());
    expect(await inserted).toEqual([{ type: 'inserted', kind: 'identity' }]);
    await card.remove();
  });

  it('notices pcscd going even when the binding does not say so, and replaces its helper', async (context) => {
    skipUnlessOurPcscd(context);
    // A stopped helper cannot report anything: only the transport's watch on pcscd's socket can see it go.
    const helpers = await runningProcesses('pcsc-helper');
    expect(helpers).toHaveLength(1);
    process.kill(helpers[0]!.pid, 'SIGSTOP');
    const absent = statusWhere((status) => status.state === 'offline' && status.reason === 'lost pcscd: it stopped or started again');
    await pcscd.stop();
    await absent;
    const back = statusWhere((status) => status.state === 'ready');
    pcscd = await startPcscd();
    await back;
    expect((await runningProcesses('pcsc-helper')).map((helper) => helper.pid)).not.toContain(helpers[0]!.pid);
  });
});
