import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DevicesConfigSchema, type DevicesConfig } from '../../../common/device-config';
import { ok } from '../../../common/result';
import { ControlServer } from '../../../devices/control-server';
import { silentLogger } from '../../../devices/logger';
import { DeviceManager } from '../../../devices/manager';
import { ReceiptPrinterSimulator } from '../../../devices/simulators/receipt-printer-simulator';
import { runTechnician } from '../../../devices/technician';
import { tempFolder } from './support';
import { freePort } from './tcp-support';

/** The test receipt as it reads back, but for its time line. */
const TEST_RECEIPT = [
  'Borne', 'Ticket de test / Test receipt', '', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
  'Accents : é è ê à ç ù ô î ï « » €', '', "Ce ticket est lisible et coupé : l'imprimante marche.", '', '', '',
];

// `npm run devices` with a network receipt printer: the simulator, started by the test, stands in for
// the printer on its TCP port, so that the test reads what the technician's command printed.
describe('the technician CLI with a receipt printer', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let simulator: ReceiptPrinterSimulator;
  let devices: DevicesConfig;
  let printed: string[];
  const stops: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    folder = await tempFolder();
    printed = [];
    const listened = await ReceiptPrinterSimulator.listen('127.0.0.1', 0);
    if (!listened.ok) throw new Error(listened.error);
    simulator = listened.value;
    stops.push(() => simulator.close());
    devices = DevicesConfigSchema.parse({ receiptPrinter: { tcp: { host: '127.0.0.1', port: simulator.port }, statusEverySeconds: 0.05, jobWaitSeconds: 1 } });
  });

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await folder.remove();
  });

  const run = (...argv: string[]) => runTechnician(argv, { devices, socketPath: folder.path('devices.sock'), out: (text) => printed.push(text) });

  it('lists the printer with its network address', async () => {
    expect(await run('list', '--json')).toEqual(ok(undefined));
    expect(JSON.parse(printed.join('\n'))).toEqual([
      { id: 'receiptPrinter', kind: 'receiptPrinter', transport: 'tcp', path: `127.0.0.1:${simulator.port}`, simulated: false },
    ]);
  });

  it('prints a test receipt for real with no kiosk running, and says so', async () => {
    expect(await run('print-test', 'receiptPrinter')).toEqual(ok(undefined));
    expect(printed).toEqual(['test receipt printed on receiptPrinter (no kiosk running: devices opened by this command)']);
    expect(simulator.receipts()).toEqual([TEST_RECEIPT]);
  });

  it('prints through the running kiosk, and shows the paper in status', async () => {
    const manager = new DeviceManager(devices, silentLogger);
    await manager.start();
    stops.push(() => manager.stop());
    const server = await ControlServer.open({ socketPath: folder.path('devices.sock'), manager, logger: silentLogger, mayRead: () => ok(undefined) });
    if (!server.ok) throw new Error(server.error);
    stops.push(() => server.value.close());

    expect(await run('print-test', 'receiptPrinter')).toEqual(ok(undefined));
    expect(printed).toEqual(['test receipt printed on receiptPrinter (from the running kiosk)']);
    expect(simulator.receipts()).toEqual([TEST_RECEIPT]);

    simulator.changed((printer) => printer.setPaper('near-end'));
    await vi.waitFor(() => expect(manager.health()[0]?.printer?.paper).toBe('near-end'));
    printed = [];
    expect(await run('status')).toEqual(ok(undefined));
    expect(printed.join('\n')).toMatch(/^ID +KIND +STATE +PAPER +LAST ERROR\nreceiptPrinter +receiptPrinter +degraded +near end +paper near its end: put in a new roll soon \(.*\)\nfrom the running kiosk$/);
    printed = [];
    expect(await run('status', '--json')).toEqual(ok(undefined));
    expect(JSON.parse(printed.join('\n'))).toEqual([expect.objectContaining({ id: 'receiptPrinter', state: 'degraded', printer: { paper: 'near-end', cover: 'closed' } })]);
  });

  it('says why the test receipt did not print: the printer is out of paper', async () => {
    simulator.changed((printer) => printer.setPaper('out'));
    expect(await run('print-test', 'receiptPrinter')).toEqual({
      ok: false,
      error: 'the test receipt was not printed on receiptPrinter: not printed: the printer is out of paper: load a new roll, for more than 1 s',
    });
    expect(simulator.receipts()).toEqual([]);
    printed = [];
    expect(await run('status')).toEqual(ok(undefined));
    expect(printed[0]).toMatch(/\nreceiptPrinter +receiptPrinter +error +out +the printer is out of paper: load a new roll \(/);
  });

  it('plays a printer on a TCP port until interrupted, so that a kiosk configured there prints', async () => {
    const port = await freePort();
    let interrupt!: () => void;
    const playing = runTechnician(['simulate', 'receiptPrinter', '--port', String(port)], {
      devices, socketPath: folder.path('devices.sock'), out: (text) => printed.push(text),
      interrupted: new Promise((resolve) => (interrupt = resolve)),
    });
    await vi.waitFor(() => expect(printed).toEqual([`playing a receiptPrinter on 127.0.0.1:${port}; Ctrl+C stops it`]));
    const kiosk = new DeviceManager(DevicesConfigSchema.parse({ receiptPrinter: { tcp: { host: '127.0.0.1', port }, statusEverySeconds: 0.05 } }), silentLogger);
    stops.push(() => kiosk.stop());
    await kiosk.start();
    expect(await kiosk.printAndWait('receiptPrinter', { lines: [{ text: 'bonjour' }] }, 10_000)).toEqual({ ok: true, value: { id: expect.any(String), state: 'done' } });
    interrupt();
    expect(await playing).toEqual(ok(undefined));
  });

  it('refuses to play a serial-only device on a TCP port', async () => {
    expect(await run('simulate', 'thermometer', '--port', '9100')).toEqual({
      ok: false, error: 'a thermometer is played on a serial line: give --port a path, for example --port /tmp/borne-thermometer',
    });
  });
});
