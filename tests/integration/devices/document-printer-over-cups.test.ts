import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus, PrinterCondition } from '../../../common/devices';
import type { PrintJob } from '../../../common/print-job';
import { encodeIppMessage, GROUP_TAGS, VALUE_TAGS } from '../../../devices/codecs/ipp';
import * as ipp from '../../../devices/codecs/ipp-operations';
import { DocumentPrinterDriver } from '../../../devices/drivers/document-printer';
import { silentLogger } from '../../../devices/logger';
import { DeviceManager } from '../../../devices/manager';
import { testReceipt } from '../../../devices/test-receipt';
import { DocumentPrinterConfigSchema } from '../../../common/device-config';
import { printQueueWipeStep, WIPED_JOB_REASON } from '../../../main/session/print-queue-wipe';
import { processesMentioning } from './support';
import { pdfOfLines } from '../../../devices/pdf-document';
import { CupsSimulator } from '../../../devices/simulators/cups-simulator';
import { ippQueueOf, IppTransport } from '../../../devices/transports/ipp-transport';
import { freePort, listening } from './tcp-support';

const pdftotext = (path: string): Promise<string> => new Promise((resolve, reject) => {
  execFile('pdftotext', [path, '-'], (error, out) => (error ? reject(error) : resolve(out)));
});

/** A driver on `uri` that records every status, printer condition, job change and bad answer. */
function driverOn(uri: string, jobWaitMs = 60_000) {
  const queue = ippQueueOf(uri);
  if (!queue.ok) throw new Error(queue.error);
  const driver = new DocumentPrinterDriver(new IppTransport(queue.value, { timeoutMs: 2_000 }), silentLogger, { pollEveryMs: 150, jobWaitMs });
  const seen = { statuses: [] as DeviceStatus[], conditions: [] as PrinterCondition[], jobs: [] as PrintJob[], malformed: [] as string[] };
  driver.on('status', (status) => seen.statuses.push(status));
  driver.on('printer', (condition) => seen.conditions.push(condition));
  driver.on('job', (job) => seen.jobs.push(job));
  driver.on('malformed', (reason) => seen.malformed.push(reason));
  return { driver, seen };
}

const page = (text: string): Uint8Array => {
  const pdf = pdfOfLines('Borne', [text]);
  if (!pdf.ok) throw new Error(pdf.error);
  return pdf.value;
};

/** A transport of the test's own to ask CUPS what it still holds. */
function transportTo(uri: string): IppTransport {
  const queue = ippQueueOf(uri);
  if (!queue.ok) throw new Error(queue.error);
  return new IppTransport(queue.value);
}

const lastState = (jobs: PrintJob[], id: string): PrintJob | undefined => jobs.filter((job) => job.id === id).at(-1);

// A real cupsd of its own with a cups-pdf queue (devices/simulators/cups-simulator.ts): what is printed
// lands as a PDF in its folder and is read back with pdftotext.
describe('the document printer against a real CUPS with a cups-pdf queue', () => {
  let cups: CupsSimulator;
  const drivers: DocumentPrinterDriver[] = [];

  beforeAll(async () => {
    const started = await CupsSimulator.start();
    if (!started.ok) throw new Error(started.error);
    cups = started.value;
  }, 30_000);
  afterEach(async () => {
    for (const driver of drivers.splice(0)) await driver.stop();
    await cups.setPaper('ok');
  });
  afterAll(() => cups?.stop());

  /** The jobs CUPS still holds, not finished. */
  async function jobsLeftAtCups() {
    const transport = transportTo(cups.uri);
    const left = await transport.send(ipp.getJobs(transport.requestId(), cups.uri));
    return left.ok ? ipp.jobReportsOf(left.value) : left;
  }

  /** CUPS holds no job, and with paper back nothing more prints than the `before` PDFs. */
  async function expectNothingLeftToPrint(before: number): Promise<void> {
    expect(await jobsLeftAtCups()).toEqual({ ok: true, value: [] });
    await cups.setPaper('ok');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await cups.printed()).toHaveLength(before);
  }

  function started(uri = cups.uri, jobWaitMs?: number) {
    const made = driverOn(uri, jobWaitMs);
    drivers.push(made.driver);
    return made;
  }

  it('prints a PDF: the job goes to done, and the PDF that landed reads back with its text', async () => {
    const { driver, seen } = started();
    await driver.start();
    expect(driver.status).toEqual({ state: 'ready' });
    expect(seen.conditions.at(-1)).toEqual({ paper: 'ok', cover: 'closed' });
    const before = (await cups.printed()).length;
    const job = driver.printDocument(page('Attestation de passage 4711'), 'attestation');
    if (!job.ok) throw new Error(job.error);
    await vi.waitFor(() => expect(lastState(seen.jobs, job.value.id)).toEqual({ id: job.value.id, state: 'done' }), { timeout: 20_000 });
    const printed = await cups.printed();
    expect(printed).toHaveLength(before + 1);
    expect(await pdftotext(printed.at(-1)!)).toContain('Attestation de passage 4711');
    expect(driver.pendingJobs()).toEqual([]);
  }, 30_000);

  it('keeps a job while the printer is out of paper, says so, and prints it once paper is back', async () => {
    const { driver, seen } = started();
    await driver.start();
    expect((await cups.setPaper('out')).ok).toBe(true);
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'offline', reason: 'out of paper: load paper' }));
    expect(seen.conditions.at(-1)).toEqual({ paper: 'out', cover: 'closed' });
    const before = (await cups.printed()).length;
    const job = driver.printDocument(page('Kept through paper out'), 'kept');
    if (!job.ok) throw new Error(job.error);
    await vi.waitFor(() => expect(lastState(seen.jobs, job.value.id)).toEqual({ id: job.value.id, state: 'waiting', reason: 'out of paper: load paper' }));
    // Still there a while later: held in CUPS's queue and reported, not dropped.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(driver.pendingJobs()).toEqual([{ id: job.value.id, state: 'waiting', reason: 'out of paper: load paper' }]);
    expect(await cups.printed()).toHaveLength(before);

    expect((await cups.setPaper('ok')).ok).toBe(true);
    await vi.waitFor(() => expect(lastState(seen.jobs, job.value.id)).toEqual({ id: job.value.id, state: 'done' }), { timeout: 20_000 });
    expect(driver.status).toEqual({ state: 'ready' });
    const printed = await cups.printed();
    expect(printed).toHaveLength(before + 1);
    expect(await pdftotext(printed.at(-1)!)).toContain('Kept through paper out');
  }, 40_000);

  it('a job dropped by the wipe is cancelled at CUPS and never prints when paper comes back', async () => {
    const { driver, seen } = started();
    await driver.start();
    await cups.setPaper('out');
    const before = (await cups.printed()).length;
    const job = driver.printDocument(page('Must not print after the visit'), 'memo');
    if (!job.ok) throw new Error(job.error);
    await vi.waitFor(() => expect(lastState(seen.jobs, job.value.id)?.state).toBe('waiting'));
    expect(driver.dropPendingJobs('wiped')).toBe(1);
    expect(await driver.confirmDropped()).toEqual([]);
    expect(lastState(seen.jobs, job.value.id)).toEqual({ id: job.value.id, state: 'failed', reason: 'wiped' });
    await expectNothingLeftToPrint(before);
  }, 30_000);

  it('a job dropped at once, while CUPS may be taking it, is cancelled there too and never prints', async () => {
    const { driver } = started();
    await driver.start();
    await cups.setPaper('out');
    const before = (await cups.printed()).length;
    for (let attempt = 0; attempt < 5; attempt++) {
      const job = driver.printDocument(page(`Dropped at once ${attempt}`), 'memo');
      if (!job.ok) throw new Error(job.error);
      await new Promise((resolve) => setTimeout(resolve, attempt * 20));
      driver.dropPendingJobs('wiped');
      expect(await driver.confirmDropped()).toEqual([]);
    }
    await expectNothingLeftToPrint(before);
  }, 30_000);

  it('the visit\'s wipe, through the device manager, cancels a job CUPS holds for want of paper', async () => {
    const manager = new DeviceManager({ documentPrinter: DocumentPrinterConfigSchema.parse({ uri: cups.uri, pollEverySeconds: 0.2 }) }, silentLogger);
    const jobs: PrintJob[] = [];
    manager.on('printJob', (_kind, job) => jobs.push(job));
    try {
      await manager.start();
      await cups.setPaper('out');
      await vi.waitFor(() => expect(manager.health()).toEqual([expect.objectContaining({
        kind: 'documentPrinter', state: 'error', printer: { paper: 'out', cover: 'closed' },
        lastError: expect.objectContaining({ message: 'out of paper: load paper' }),
      })]));
      const job = manager.print('documentPrinter', { title: 'Memo', lines: [{ text: 'Rendez-vous mardi' }] });
      if (!job.ok) throw new Error(job.error);
      await vi.waitFor(() => expect(lastState(jobs, job.value.id)?.state).toBe('waiting'));
      expect(await printQueueWipeStep(manager).clearAndProve()).toEqual({ cleared: ['print jobs'], leftovers: [] });
      expect(lastState(jobs, job.value.id)).toEqual({ id: job.value.id, state: 'failed', reason: WIPED_JOB_REASON });
      expect(await jobsLeftAtCups()).toEqual({ ok: true, value: [] });
    } finally {
      await manager.stop();
    }
  }, 30_000);

  it('says "no queue" for a queue CUPS does not have, as absent', async () => {
    const { driver } = started(cups.uri.replace(/KioskPDF$/, 'NoSuchQueue'));
    await driver.start();
    expect(driver.status).toEqual({
      state: 'offline', absent: true, reason: `no queue named "NoSuchQueue" at 127.0.0.1:${cups.port}: check the printer's URI in the profile`,
    });
  });
});

describe('the document printer without a working CUPS', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('says CUPS is not running, as absent, and keeps a job waiting with that reason', async () => {
    const port = await freePort();
    const { driver, seen } = driverOn(`ipp://127.0.0.1:${port}/printers/KioskPDF`);
    cleanups.push(() => driver.stop());
    await driver.start();
    const reason = `CUPS is not running at 127.0.0.1:${port} (nothing listens there)`;
    expect(driver.status).toEqual({ state: 'offline', absent: true, reason });
    const job = driver.printDocument(page('x'), 'x');
    if (!job.ok) throw new Error(job.error);
    await vi.waitFor(() => expect(lastState(seen.jobs, job.value.id)).toEqual({ id: job.value.id, state: 'waiting', reason }));
  });

  it('a print server answering garbage is a clear error; the driver keeps asking and recovers when the answers are IPP again', async () => {
    let bogus = true;
    const server: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const requestId = Buffer.concat(chunks).readUInt32BE(4);
        response.writeHead(200, { 'content-type': 'application/ipp' });
        response.end(bogus ? Buffer.from('HTTP/1.1 but not IPP \u0000\u0001\u0002') : Buffer.from(encodeIppMessage({
          version: [1, 1], code: 0, requestId, data: new Uint8Array(),
          groups: [{ tag: GROUP_TAGS.printer, attributes: [{ name: 'printer-state', values: [{ tag: VALUE_TAGS.enum, value: 3 }] }] }],
        })));
      });
    });
    const port = await freePort();
    await listening(server as never, port);
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { driver, seen } = driverOn(`ipp://127.0.0.1:${port}/printers/KioskPDF`);
    cleanups.push(() => driver.stop());
    await driver.start();
    expect(driver.status).toMatchObject({ state: 'offline' });
    expect(driver.status.state === 'offline' && driver.status.reason).toMatch(/^the print server at 127\.0\.0\.1:\d+ answered something that is not IPP: IPP version 72\.84/);
    await vi.waitFor(() => expect(seen.malformed.length).toBeGreaterThanOrEqual(2));
    bogus = false;
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'ready' }));
  });
});

describe('DeviceManager with the profile\'s simulated document printer', () => {
  it('runs its own cupsd, prints the technician\'s test page on it, says CUPS is gone as absent, and leaves no cupsd behind', async () => {
    const port = await freePort();
    const uri = `ipp://127.0.0.1:${port}/printers/KioskPDF`;
    const manager = new DeviceManager({ documentPrinter: DocumentPrinterConfigSchema.parse({ uri, simulator: {}, pollEverySeconds: 0.2 }) }, silentLogger);
    try {
      await manager.start();
      expect(manager.health()).toEqual([expect.objectContaining({ kind: 'documentPrinter', state: 'ok', printer: { paper: 'ok', cover: 'closed' } })]);
      const job = await manager.printAndWait('documentPrinter', testReceipt(new Date()), 20_000);
      expect(job).toEqual({ ok: true, value: expect.objectContaining({ state: 'done' }) });
    } finally {
      await manager.stop();
    }
    expect(await processesMentioning('borne-cups-')).toEqual([]);
    // The kiosk's printer alone, on the same address with CUPS gone: absent, with why.
    const alone = new DeviceManager({ documentPrinter: DocumentPrinterConfigSchema.parse({ uri }) }, silentLogger);
    try {
      await alone.start();
      expect(alone.health()).toEqual([expect.objectContaining({
        kind: 'documentPrinter', state: 'absent',
        lastError: expect.objectContaining({ message: `CUPS is not running at 127.0.0.1:${port} (nothing listens there)` }),
      })]);
    } finally {
      await alone.stop();
    }
  }, 40_000);
});
