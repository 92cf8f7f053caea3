import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fail, ok, type Result } from '../../common/result';
import { freeLoopbackPort } from './free-port';

/** The cups-pdf driver Debian ships (printer-driver-cups-pdf); docs/devices.md says why this one. */
const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
/**
 * cups-pdf reads /etc/cups/cups-pdf.conf, or /etc/cups/cups-pdf-<name>.conf for a queue whose device
 * is `cups-pdf:/<name>`: each simulator writes its own file there and removes it, so the system's file
 * and any other queue are left alone.
 */
const CUPS_PDF_CONFIG_FOLDER = '/etc/cups';

export interface CupsSimulatorOptions {
  /** The queue's name in its URI; KioskPDF by default. */
  queue?: string;
  /** The loopback port cupsd listens on; a free one by default. */
  port?: number;
}

/**
 * A real cupsd of its own, run from a temporary folder (its configuration, spool, logs) and listening on
 * a loopback port, with one cups-pdf queue whose PDFs land in `outputFolder`. The document printer
 * talks to it over IPP as to any CUPS. Paper out is played as a real printer's backend reports it:
 * the queue stops with `media-empty-error` among its printer-state-reasons (lpadmin, cupsdisable), and
 * its jobs wait in the queue until paper is back. Needs root: cups-pdf runs as root, and its
 * configuration lives in /etc/cups.
 */
export class CupsSimulator {
  private stopped = false;

  private constructor(
    private readonly daemon: ChildProcess,
    private readonly folder: string,
    private readonly cupsPdfConfig: string,
    readonly queue: string,
    readonly port: number,
  ) {}

  /** The queue's URI, as a profile gives it to the document printer. */
  get uri(): string {
    return `ipp://127.0.0.1:${this.port}/printers/${this.queue}`;
  }

  /** Where cups-pdf writes the PDFs it printed. */
  get outputFolder(): string {
    return join(this.folder, 'out');
  }

  /** Starts cupsd and adds the queue; never throws: every failure is an error value, and nothing is left behind. */
  static async start(options: CupsSimulatorOptions = {}): Promise<Result<CupsSimulator>> {
    if (process.getuid?.() !== 0) return fail('the CUPS simulator runs cupsd and cups-pdf as root: run it as root');
    const queue = options.queue ?? 'KioskPDF';
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(queue)) return fail('a queue name has only letters, digits, _ and -');
    const port = options.port ?? await freeLoopbackPort();
    const folder = await mkdtemp(join(tmpdir(), 'borne-cups-'));
    const tag = `borne-${randomBytes(6).toString('hex')}`;
    const cupsPdfConfig = join(CUPS_PDF_CONFIG_FOLDER, `cups-pdf-${tag}.conf`);
    try {
      await writeConfiguration(folder, port, cupsPdfConfig);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      await rm(cupsPdfConfig, { force: true });
      return fail(`cannot prepare the CUPS simulator: ${(error as Error).message}`);
    }
    const daemon = spawn('/usr/sbin/cupsd', ['-f', '-c', join(folder, 'cupsd.conf'), '-s', join(folder, 'cups-files.conf')], { stdio: 'ignore' });
    const simulator = new CupsSimulator(daemon, folder, cupsPdfConfig, queue, port);
    const started = await simulator.whenListening(daemon);
    const added = started.ok
      ? await simulator.admin('lpadmin', ['-p', queue, '-E', '-v', `cups-pdf:/${tag}`, '-P', CUPS_PDF_PPD])
      : started;
    if (!added.ok) {
      await simulator.stop();
      return added;
    }
    return ok(simulator);
  }

  /**
   * Paper in or out. Out: the queue stops with media-empty-error, as CUPS does when a printer's backend
   * reports an empty tray; jobs wait in the queue. In: the reason is cleared and the queue starts again.
   */
  async setPaper(paper: 'ok' | 'out'): Promise<Result<void>> {
    if (paper === 'out') {
      const reason = await this.admin('lpadmin', ['-p', this.queue, '-o', 'printer-state-reasons=media-empty-error']);
      return reason.ok ? this.admin('cupsdisable', ['-r', 'Out of paper', this.queue]) : reason;
    }
    const reason = await this.admin('lpadmin', ['-p', this.queue, '-o', 'printer-state-reasons=none']);
    return reason.ok ? this.admin('cupsenable', [this.queue]) : reason;
  }

  /** The PDFs printed so far, as full paths. */
  async printed(): Promise<string[]> {
    const names = await readdir(this.outputFolder).catch(() => []);
    return names.filter((name) => name.endsWith('.pdf')).sort().map((name) => join(this.outputFolder, name));
  }

  /** Stops cupsd and removes its folder and the cups-pdf configuration. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // No pid: cupsd never started (not installed), and no exit will come.
    if (this.daemon.pid !== undefined && this.daemon.exitCode === null && this.daemon.signalCode === null) {
      const exited = new Promise((resolve) => this.daemon.once('exit', resolve));
      this.daemon.kill('SIGTERM');
      await Promise.race([exited, delay(5_000).then(() => this.daemon.kill('SIGKILL'))]);
    }
    await rm(this.cupsPdfConfig, { force: true });
    await rm(this.folder, { recursive: true, force: true });
  }

  /** Runs a CUPS admin command against this cupsd, over its own socket. */
  private admin(command: string, args: string[]): Promise<Result<void>> {
    return new Promise((resolve) => {
      execFile(command, args, { env: { ...process.env, CUPS_SERVER: join(this.folder, 'cups.sock') }, timeout: 10_000 }, (error, _out, stderr) => {
        resolve(error ? fail(`${command} failed: ${stderr.trim() || error.message}`) : ok(undefined));
      });
    });
  }

  private async whenListening(daemon: ChildProcess): Promise<Result<void>> {
    let exited: string | undefined;
    daemon.once('error', (error) => (exited = `cannot start cupsd: ${error.message} (install cups: build/system-packages.sh)`));
    daemon.once('exit', (code, signal) => (exited ??= `cupsd exited (${signal ?? `code ${code}`}) before it listened`));
    for (let tries = 0; tries < 100; tries++) {
      if (exited) return fail(exited);
      if (await accepts(this.port)) return ok(undefined);
      await delay(50);
    }
    return fail(exited ?? `cupsd did not listen on port ${this.port} within 5 s`);
  }
}

async function writeConfiguration(folder: string, port: number, cupsPdfConfig: string): Promise<void> {
  // cupsd drops to user lp for filters: they must reach the folder and write their temporary files.
  await chmod(folder, 0o755);
  for (const sub of ['spool', 'cache', 'state', 'log', 'cups-pdf-spool']) await mkdir(join(folder, sub));
  // Filters write here as lp, and cups-pdf writes anonymous jobs (Borne's) as nobody, like its own ANONYMOUS folder.
  for (const shared of ['tmp', 'out']) {
    await mkdir(join(folder, shared));
    await chmod(join(folder, shared), 0o1777);
  }
  await writeFile(join(folder, 'cups-files.conf'), [
    `ServerRoot ${folder}`, `RequestRoot ${folder}/spool`, `CacheDir ${folder}/cache`, `StateDir ${folder}/state`,
    `TempDir ${folder}/tmp`, `Printcap ${folder}/printcap`, `AccessLog ${folder}/log/access_log`,
    `ErrorLog ${folder}/log/error_log`, `PageLog ${folder}/log/page_log`, 'User lp', 'Group lp', 'SystemGroup root',
    'FileDevice No', '',
  ].join('\n'));
  // Loopback only, and no authentication: the daemon lives as long as a test or a demo.
  await writeFile(join(folder, 'cupsd.conf'), [
    `Listen 127.0.0.1:${port}`, `Listen ${folder}/cups.sock`, 'LogLevel warn', 'Browsing No', 'WebInterface No',
    'DefaultAuthType None', '<Location />', '  Order allow,deny', '  Allow 127.0.0.1', '</Location>',
    '<Policy default>', '  <Limit All>', '    Order deny,allow', '  </Limit>', '</Policy>', '',
  ].join('\n'));
  await writeFile(cupsPdfConfig, [
    `Out ${folder}/out`, `AnonDirName ${folder}/out`, `Spool ${folder}/cups-pdf-spool`, `Log ${folder}/log`, 'Grp root', '',
  ].join('\n'));
}


function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
