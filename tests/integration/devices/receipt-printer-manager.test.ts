import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReceiptPrinterConfigSchema, type DevicesConfig } from '../../../common/device-config';
import type { DeviceKind } from '../../../common/devices';
import type { PrintJob, Receipt } from '../../../common/print-job';
import { silentLogger } from '../../../devices/logger';
import { DeviceManager } from '../../../devices/manager';
import { ReceiptPrinterSimulator } from '../../../devices/simulators/receipt-printer-simulator';
import { printQueueWipeStep, WIPED_JOB_REASON } from '../../../main/session/print-queue-wipe';
import { processesMentioning, tempFolder } from './support';
import { freePort } from './tcp-support';

const receipt: Receipt = { title: 'Borne', lines: [{ text: 'Votre rendez-vous : mardi 14 h' }] };
const printer = (entry: unknown) => ({ receiptPrinter: ReceiptPrinterConfigSchema.parse(entry) }) satisfies DevicesConfig;

// The device manager with a receipt printer from a profile: simulated by the host (TCP or a pty pair),
// or a printer of its own (the simulator, started by the test to read what was printed).
describe('DeviceManager with a receipt printer', () => {
  let manager: DeviceManager | undefined;
  let jobs: Array<[DeviceKind, PrintJob]>;
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  const cleanups: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    folder = await tempFolder();
    jobs = [];
  });

  afterEach(async () => {
    await manager?.stop();
    manager = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await folder.remove();
  });

  async function started(devices: DevicesConfig): Promise<DeviceManager> {
    manager = new DeviceManager(devices, silentLogger);
    manager.on('printJob', (kind, job) => jobs.push([kind, job]));
    await manager.start();
    return manager;
  }

  const doneJob = (job: PrintJob) => vi.waitFor(() => expect(jobs.at(-1)).toEqual(['receiptPrinter', { id: job.id, state: 'done' }]), { timeout: 10_000 });

  it('plays the profile\'s simulated network printer, says its paper near its end, and prints on it', async () => {
    const port = await freePort();
    const devices = await started(printer({ tcp: { host: '127.0.0.1', port }, simulator: { paper: 'near-end' } }));
    await vi.waitFor(() => expect(devices.health()).toEqual([expect.objectContaining({
      id: 'receiptPrinter', kind: 'receiptPrinter', state: 'degraded', printer: { paper: 'near-end', cover: 'closed' },
      lastError: expect.objectContaining({ message: 'paper near its end: put in a new roll soon' }),
    })]));
    const job = devices.print('receiptPrinter', receipt);
    if (!job.ok) throw new Error(job.error);
    await doneJob(job.value);
    expect(devices.print('thermometer', receipt)).toEqual({ ok: false, error: 'this kiosk has no thermometer' });
    expect(await devices.command('receiptPrinter', 'arm')).toEqual({ ok: false, error: 'a receiptPrinter does not take the command arm' });
  });

  it('plays a simulated printer on a serial line too, over a pty pair, and leaves no socat behind', async () => {
    const path = folder.path('printer');
    const devices = await started(printer({ serial: { path, baudRate: 19200 }, simulator: {} }));
    await vi.waitFor(() => expect(devices.statuses()).toEqual({ receiptPrinter: { state: 'ready' } }));
    const job = await devices.printAndWait('receiptPrinter', receipt, 10_000);
    expect(job).toEqual({ ok: true, value: { id: expect.any(String), state: 'done' } });
    await devices.stop();
    expect(await processesMentioning(path)).toEqual([]);
  });

  it('drops the visit\'s jobs waiting for paper at the wipe, proves none is left, and prints nothing of them later', async () => {
    const listened = await ReceiptPrinterSimulator.listen('127.0.0.1', 0);
    if (!listened.ok) throw new Error(listened.error);
    const simulator = listened.value;
    cleanups.push(() => simulator.close());
    simulator.changed((model) => model.setPaper('out'));
    const devices = await started(printer({ tcp: { host: '127.0.0.1', port: simulator.port }, statusEverySeconds: 0.05 }));
    await vi.waitFor(() => expect(devices.health()[0]).toMatchObject({ state: 'error', printer: { paper: 'out' } }));
    for (let i = 0; i < 2; i++) expect(devices.print('receiptPrinter', receipt)).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(devices.pendingPrintJobs().map((job) => job.state)).toEqual(['waiting', 'queued']));

    const report = await printQueueWipeStep(devices).clearAndProve();
    expect(report).toEqual({ cleared: ['print jobs'], leftovers: [] });
    expect(devices.pendingPrintJobs()).toEqual([]);
    expect(jobs.slice(-2).map(([, job]) => job)).toEqual([
      { id: expect.any(String), state: 'failed', reason: WIPED_JOB_REASON },
      { id: expect.any(String), state: 'failed', reason: WIPED_JOB_REASON },
    ]);
    simulator.changed((model) => model.loadPaper());
    await vi.waitFor(() => expect(devices.health()[0]).toMatchObject({ state: 'ok', printer: { paper: 'ok', cover: 'closed' } }));
    expect(simulator.receipts()).toEqual([]);
  });
});
