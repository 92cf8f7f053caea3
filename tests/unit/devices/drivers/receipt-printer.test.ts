import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus, PrinterCondition } from '../../../../common/devices';
import type { PrintJob, Receipt } from '../../../../common/print-job';
import { ReceiptPrinterDriver, type ReceiptPrinterOptions } from '../../../../devices/drivers/receipt-printer';
import { recordingLogger } from '../recording-logger';
import { PrinterOnMemory } from './printer-on-memory';

const receipt: Receipt = {
  title: 'Mairie',
  lines: [
    { text: 'Rendez-vous carte d’identité', bold: true },
    { text: 'Pièces à apporter :', centred: true },
    ...Array.from({ length: 10 }, (_, i) => ({ text: `ligne ${i + 1} — été` })),
  ],
};
/** What the printer prints of `receipt`, read back: the title, the lines, three blank lines fed before the cut. */
const printedText = ['Mairie', 'Rendez-vous carte d\'identité', 'Pièces à apporter :', ...Array.from({ length: 10 }, (_, i) => `ligne ${i + 1} - été`), '', '', ''];

describe('ReceiptPrinterDriver', () => {
  let transport: PrinterOnMemory;
  let driver: ReceiptPrinterDriver;
  let jobs: PrintJob[];
  let statuses: DeviceStatus[];
  let conditions: PrinterCondition[];
  let malformed: string[];
  let logger: ReturnType<typeof recordingLogger>;

  async function started(options: Partial<ReceiptPrinterOptions> = {}, line = new PrinterOnMemory()): Promise<void> {
    transport = line;
    logger = recordingLogger();
    driver = new ReceiptPrinterDriver(transport, logger, { codePage: 'pc858', statusEveryMs: 5, jobWaitMs: 60_000, answerTimeoutMs: 2_000, ...options });
    jobs = [];
    statuses = [];
    conditions = [];
    malformed = [];
    driver.on('job', (job) => jobs.push(job));
    driver.on('status', (status) => statuses.push(status));
    driver.on('printer', (condition) => conditions.push(condition));
    driver.on('malformed', (reason) => malformed.push(reason));
    await driver.start();
  }

  const receipts = () => transport.printer.printed().map((lines) => lines.map((line) => line.text));
  const lastJob = () => jobs.at(-1);
  const print = (what = receipt): PrintJob => {
    const job = driver.print(what);
    if (!job.ok) throw new Error(job.error);
    return job.value;
  };

  afterEach(async () => {
    await driver.stop();
  });

  it('prints a receipt with the real codecs, and the job goes queued, printing, done', async () => {
    await started();
    const job = print();
    expect(job.state).toBe('queued');
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'done' }));
    expect(jobs.map((j) => j.state)).toEqual(['queued', 'printing', 'done']);
    expect(receipts()).toEqual([printedText]);
    const [title, first, second] = transport.printer.printed()[0]!;
    expect(title).toEqual({ text: 'Mairie', bold: true, centred: true, double: true });
    expect(first).toEqual({ text: printedText[1], bold: true, centred: false, double: false });
    expect(second).toEqual({ text: printedText[2], bold: false, centred: true, double: false });
    expect(driver.pendingJobs()).toEqual([]);
  });

  it('is ready once the printer has answered, and says its paper and cover', async () => {
    await started();
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'ready' }));
    expect(conditions).toEqual([{ paper: 'ok', cover: 'closed' }]);
    transport.printer.setPaper('near-end');
    await vi.waitFor(() => expect(conditions.at(-1)).toEqual({ paper: 'near-end', cover: 'closed' }));
    expect(driver.status).toEqual({ state: 'ready' }); // near its end, it still prints
    transport.printer.setCoverOpen(true);
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'offline', reason: 'the printer cover is open: close it' }));
    expect(conditions.at(-1)).toEqual({ paper: 'near-end', cover: 'open' });
    transport.printer.setCoverOpen(false);
    transport.printer.setPaper('out');
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'offline', reason: 'the printer is out of paper: load a new roll' }));
    expect(conditions.at(-1)).toEqual({ paper: 'out', cover: 'closed' });
  });

  it('keeps a job whose paper runs out halfway, and finishes it when paper is loaded: every line once, in order', async () => {
    await started();
    transport.printer.setRollLength(6);
    const job = print();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'waiting', reason: 'the printer is out of paper: load a new roll' }));
    expect(receipts()).toEqual([printedText.slice(0, 6)]);
    expect(driver.pendingJobs()).toEqual([lastJob()]);

    transport.printer.loadPaper();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'done' }));
    expect(receipts()).toEqual([printedText]);
    // Its phases; while it waits, the reason may change (a status round can straddle the paper being loaded).
    const phases = jobs.map((j) => j.state).filter((state, i, all) => state !== all[i - 1]);
    expect(phases).toEqual(['queued', 'printing', 'waiting', 'printing', 'done']);
  });

  it('reports a job that waited for paper longer than allowed as failed, with the reason, and lets go of it', async () => {
    await started({ jobWaitMs: 30 });
    transport.printer.setRollLength(6);
    const job = print();
    await vi.waitFor(() => expect(lastJob()?.state).toBe('failed'));
    expect(lastJob()).toEqual({ id: job.id, state: 'failed', reason: 'printed only in part: the printer is out of paper: load a new roll, for more than 30 ms' });
    expect(driver.pendingJobs()).toEqual([]);
  });

  it('holds a job while the cover is open without sending any of it, and prints it once closed', async () => {
    await started();
    transport.printer.setCoverOpen(true);
    await vi.waitFor(() => expect(driver.status.state).toBe('offline'));
    const writtenBefore = transport.written.length;
    const job = print();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'waiting', reason: 'the printer cover is open: close it' }));
    // Only status requests went out: three bytes each, DLE EOT n.
    expect(transport.written.slice(writtenBefore).every((bytes) => bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04)).toBe(true);
    expect(transport.printer.buffered).toBe(0);
    transport.printer.setCoverOpen(false);
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'done' }));
    expect(receipts()).toEqual([printedText]);
  });

  it('counts garbage answers as malformed, never reads them as a status, and goes on', async () => {
    await started();
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'ready' }));
    transport.printer.garbleAnswers(2);
    await vi.waitFor(() => expect(malformed).toHaveLength(2));
    // Whichever request they answer, the round is lost and the printer said to be unreadable for the time being.
    const garbage = /^ESC\/POS \w+ status: 0xff lacks the fixed bits of a status byte$/;
    expect(malformed).toEqual([expect.stringMatching(garbage), expect.stringMatching(garbage)]);
    expect(statuses).toContainEqual({ state: 'offline', reason: expect.stringMatching(garbage) });
    const job = print();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'done' }));
    expect(receipts()).toEqual([printedText]);
  });

  it('counts bytes the printer sends unasked as malformed, and goes on', async () => {
    // Polled once a minute, so that no request is under way when the bytes come.
    await started({ statusEveryMs: 60_000 });
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'ready' }));
    transport.deviceSends(Uint8Array.of(0x12, 0x00, 0xff));
    expect(malformed).toEqual(['3 byte(s) the printer sent unasked']);
    expect(driver.status).toEqual({ state: 'ready' });
    const job = print();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'done' }));
    expect(receipts()).toEqual([printedText]);
  });

  it('says a peer that never answers does not answer, and keeps the job without writing it', async () => {
    const silent = new PrinterOnMemory();
    silent.silent = true;
    await started({ answerTimeoutMs: 50 }, silent);
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'offline', reason: expect.stringMatching(/^the printer does not answer status requests/) }));
    const job = print();
    await vi.waitFor(() => expect(lastJob()).toMatchObject({ id: job.id, state: 'waiting', reason: expect.stringMatching(/does not answer/) }));
    expect(transport.printer.printed()).toEqual([]);
    expect(conditions).toEqual([]);
  });

  it('starts a job again from its beginning after the line dropped, as the printer may have lost what it held', async () => {
    await started();
    transport.printer.setRollLength(6);
    const job = print();
    await vi.waitFor(() => expect(lastJob()?.state).toBe('waiting'));
    transport.deviceDisconnects('the printer was switched off');
    transport.printer.powerCycle();
    transport.printer.loadPaper();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'waiting', reason: 'the printer was switched off' }));
    transport.deviceReconnects();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'done' }));
    // The six lines printed before the power cut, then the whole receipt.
    expect(receipts()).toEqual([[...printedText.slice(0, 6), ...printedText]]);
  });

  it('queues a job while the line is down and prints it once the printer is back', async () => {
    await started();
    await vi.waitFor(() => expect(conditions).toEqual([{ paper: 'ok', cover: 'closed' }]));
    transport.deviceDisconnects('lost 127.0.0.1:9100: the device reset the connection');
    const job = print();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'waiting', reason: 'lost 127.0.0.1:9100: the device reset the connection' }));
    expect(conditions.at(-1)).toEqual({ paper: 'unknown', cover: 'unknown' });
    transport.deviceReconnects();
    await vi.waitFor(() => expect(lastJob()).toEqual({ id: job.id, state: 'done' }));
    expect(receipts()).toEqual([printedText]);
  });

  it('refuses a receipt it cannot print, and prints nothing of it', async () => {
    await started();
    expect(driver.print({ lines: [{ text: 'موعد' }] })).toEqual({
      ok: false,
      error: 'this receipt has 4 character(s) the printer cannot print (Arabic, for one): nothing was printed; print it in French, or on the document printer',
    });
    expect(jobs).toEqual([]);
    expect(driver.pendingJobs()).toEqual([]);
  });

  it('drops every pending job on demand, each failing with the reason, and proves none is left', async () => {
    await started();
    transport.printer.setPaper('out');
    const first = print();
    const second = print();
    await vi.waitFor(() => expect(driver.pendingJobs()).toEqual([{ id: first.id, state: 'waiting', reason: 'the printer is out of paper: load a new roll' }, second]));
    expect(driver.dropPendingJobs('wiped')).toBe(2);
    expect(driver.pendingJobs()).toEqual([]);
    expect(jobs.slice(-2)).toEqual([{ id: first.id, state: 'failed', reason: 'wiped' }, { id: second.id, state: 'failed', reason: 'wiped' }]);
    transport.printer.loadPaper();
    await vi.waitFor(() => expect(driver.status).toEqual({ state: 'ready' }));
    expect(transport.printer.printed()).toEqual([]);
  });

  it('fails the jobs still waiting when it stops, rather than lose them without a word', async () => {
    await started();
    transport.printer.setPaper('out');
    const job = print();
    await driver.stop();
    expect(lastJob()).toEqual({ id: job.id, state: 'failed', reason: 'not printed: the kiosk stopped its printer first' });
  });

  it('refuses more jobs than its queue holds', async () => {
    await started({ maxJobs: 2 });
    transport.printer.setPaper('out');
    print();
    print();
    expect(driver.print(receipt)).toEqual({ ok: false, error: 'the printer already has 2 jobs waiting: it is not printing (see its status)' });
  });

  it('logs a job by its id and state, never by its text', async () => {
    await started();
    const job = print();
    await vi.waitFor(() => expect(lastJob()?.state).toBe('done'));
    expect(logger.at('info')).toContainEqual({ level: 'info', obj: { device: 'receiptPrinter', job: job.id, state: 'done' }, msg: 'print job' });
    expect(JSON.stringify(logger.lines)).not.toMatch(/Mairie|Rendez-vous|ligne/);
  });
});
