import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '../../../common/devices';
import type { PrintJob, Receipt } from '../../../common/print-job';
import { ReceiptPrinterDriver } from '../../../devices/drivers/receipt-printer';
import { silentLogger } from '../../../devices/logger';
import { ReceiptPrinterSimulator } from '../../../devices/simulators/receipt-printer-simulator';
import { TcpTransport } from '../../../devices/transports/tcp-transport';
import { freePort, listening } from './tcp-support';

const receipt: Receipt = {
  title: 'Votre démarche',
  lines: [
    { text: 'Carte d’identité : prendre rendez-vous', bold: true },
    { text: 'Apportez :' },
    ...['une photo d’identité', 'un justificatif de domicile', 'l’ancienne carte', 'le timbre fiscal (25 €)'].map((text) => ({ text: `- ${text}` })),
    { text: 'www.service-public.fr', centred: true },
  ],
};
const printedText = [
  'Votre démarche', "Carte d'identité : prendre rendez-vous", 'Apportez :',
  "- une photo d'identité", '- un justificatif de domicile', "- l'ancienne carte", '- le timbre fiscal (25 €)',
  'www.service-public.fr', '', '', '',
];

// Driver, TCP transport and simulator over real sockets on loopback: the path a receipt takes on a
// network printer, with the faults a printer has.
describe('a receipt printer over TCP', () => {
  let simulator: ReceiptPrinterSimulator;
  let driver: ReceiptPrinterDriver;
  let jobs: PrintJob[];
  let statuses: DeviceStatus[];
  let malformed: string[];
  const cleanups: Array<() => Promise<void> | void> = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function printerAt(port: number, options: { jobWaitMs?: number; answerTimeoutMs?: number } = {}): Promise<void> {
    const transport = new TcpTransport({ host: '127.0.0.1', port, retry: { firstMs: 20, maxMs: 200 } });
    driver = new ReceiptPrinterDriver(transport, silentLogger, { codePage: 'pc858', statusEveryMs: 20, jobWaitMs: options.jobWaitMs ?? 60_000, answerTimeoutMs: options.answerTimeoutMs });
    jobs = [];
    statuses = [];
    malformed = [];
    driver.on('job', (job) => jobs.push(job));
    driver.on('status', (status) => statuses.push(status));
    driver.on('malformed', (reason) => malformed.push(reason));
    cleanups.push(() => driver.stop());
    await driver.start();
  }

  async function simulatedPrinter(): Promise<void> {
    const listened = await ReceiptPrinterSimulator.listen('127.0.0.1', 0);
    if (!listened.ok) throw new Error(listened.error);
    simulator = listened.value;
    cleanups.push(() => simulator.close());
    await printerAt(simulator.port);
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'ready' }));
  }

  const print = (): PrintJob => {
    const job = driver.print(receipt);
    if (!job.ok) throw new Error(job.error);
    return job.value;
  };
  const done = (job: PrintJob) => vi.waitFor(() => expect(jobs.at(-1)).toEqual({ id: job.id, state: 'done' }), { timeout: 10_000 });

  it('prints a receipt that reads back as sent: text in PC858, bold, centred, double size, then the cut', async () => {
    await simulatedPrinter();
    const job = print();
    await done(job);
    expect(simulator.receipts()).toEqual([printedText]);
    const lines = simulator.printedLines()[0]!;
    expect(lines[0]).toEqual({ text: 'Votre démarche', bold: true, centred: true, double: true });
    expect(lines[1]).toMatchObject({ bold: true, centred: false, double: false });
    expect(lines[7]).toMatchObject({ text: 'www.service-public.fr', bold: false, centred: true });
    expect(simulator.printer.unknownCommands).toBe(0);
    expect(jobs.map((j) => j.state)).toEqual(['queued', 'printing', 'done']);
  });

  it('keeps a job when the paper runs out halfway, and finishes it once paper is loaded: nothing lost, nothing twice', async () => {
    await simulatedPrinter();
    simulator.changed((printer) => printer.setRollLength(4));
    const job = print();
    await vi.waitFor(() => expect(jobs.at(-1)).toEqual({ id: job.id, state: 'waiting', reason: 'the printer is out of paper: load a new roll' }));
    expect(driver.status).toEqual({ state: 'offline', reason: 'the printer is out of paper: load a new roll' });
    expect(simulator.receipts()).toEqual([printedText.slice(0, 4)]);
    simulator.changed((printer) => printer.loadPaper());
    await done(job);
    expect(simulator.receipts()).toEqual([printedText]);
    expect(driver.status).toEqual({ state: 'ready' });
  });

  it('reports a job as failed, with the reason, when the paper does not come back in time', async () => {
    const listened = await ReceiptPrinterSimulator.listen('127.0.0.1', 0);
    if (!listened.ok) throw new Error(listened.error);
    simulator = listened.value;
    cleanups.push(() => simulator.close());
    simulator.changed((printer) => printer.setPaper('out'));
    await printerAt(simulator.port, { jobWaitMs: 300 });
    const job = print();
    await vi.waitFor(() => expect(jobs.at(-1)?.state).toBe('failed'));
    expect(jobs.at(-1)).toEqual({ id: job.id, state: 'failed', reason: 'not printed: the printer is out of paper: load a new roll, for more than 300 ms' });
    expect(driver.pendingJobs()).toEqual([]);
  });

  it('waits while the cover is open and prints once it is closed', async () => {
    await simulatedPrinter();
    simulator.changed((printer) => printer.setCoverOpen(true));
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'offline', reason: 'the printer cover is open: close it' }));
    const job = print();
    await vi.waitFor(() => expect(jobs.at(-1)).toEqual({ id: job.id, state: 'waiting', reason: 'the printer cover is open: close it' }));
    expect(simulator.printer.buffered).toBe(0);
    simulator.changed((printer) => printer.setCoverOpen(false));
    await done(job);
    expect(simulator.receipts()).toEqual([printedText]);
  });

  it('reconnects to a printer that vanished and came back, and prints the job it kept meanwhile', async () => {
    await simulatedPrinter();
    await simulator.vanish();
    await vi.waitFor(() => expect(driver.status).toMatchObject({ state: 'offline', absent: true, reason: expect.stringMatching(/^nothing listens at 127\.0\.0\.1:\d+ \(connection refused\)/) }));
    expect(statuses).toContainEqual({ state: 'offline', reason: expect.stringMatching(/^lost 127\.0\.0\.1:\d+: the device (reset|closed) the connection$/) });
    const job = print();
    await vi.waitFor(() => expect(jobs.at(-1)).toMatchObject({ id: job.id, state: 'waiting', reason: expect.stringMatching(/^nothing listens at/) }));
    expect(await simulator.comeBack()).toEqual({ ok: true, value: undefined });
    await done(job);
    expect(simulator.receipts()).toEqual([printedText]);
  });

  it('prints a job again from its start when the printer is switched off halfway, as it lost what it held', async () => {
    await simulatedPrinter();
    simulator.changed((printer) => printer.setRollLength(4));
    const job = print();
    await vi.waitFor(() => expect(jobs.at(-1)?.state).toBe('waiting'));
    await simulator.vanish();
    simulator.changed((printer) => printer.loadPaper());
    await simulator.comeBack();
    await done(job);
    // The four lines printed before the power went, then the whole receipt.
    expect(simulator.receipts()).toEqual([[...printedText.slice(0, 4), ...printedText]]);
  });

  it('counts garbage status bytes as malformed and still prints', async () => {
    await simulatedPrinter();
    simulator.changed((printer) => printer.garbleAnswers(3));
    await vi.waitFor(() => expect(malformed.length).toBeGreaterThanOrEqual(3));
    simulator.sendUnasked(Uint8Array.of(0x00, 0xff, 0x7f, 0x80));
    const job = print();
    await done(job);
    expect(simulator.receipts()).toEqual([printedText]);
  });

  it('keeps the job of a peer that accepts and never reads nor answers, says so, and fails it in time', async () => {
    const peers: Socket[] = [];
    const server: Server = createServer((socket) => {
      socket.on('error', () => {});
      socket.pause();
      peers.push(socket);
    });
    const port = await freePort();
    await listening(server, port);
    cleanups.push(() => new Promise<void>((resolve) => {
      for (const peer of peers) peer.destroy();
      server.close(() => resolve());
    }));
    await printerAt(port, { jobWaitMs: 500, answerTimeoutMs: 100 });
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'offline', reason: 'the printer does not answer status requests (nothing within 100 ms): is it an ESC/POS printer, and switched on?' }));
    const job = print();
    await vi.waitFor(() => expect(jobs.at(-1)).toEqual({ id: job.id, state: 'waiting', reason: expect.stringMatching(/^the printer does not answer/) }));
    await vi.waitFor(() => expect(jobs.at(-1)?.state).toBe('failed'));
    expect(jobs.at(-1)).toEqual({ id: job.id, state: 'failed', reason: expect.stringMatching(/^not printed: the printer does not answer status requests .*, for more than 500 ms$/) });
  });
});
