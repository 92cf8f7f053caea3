import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../../log';
import { CdpPipe } from './cdp-pipe';
import { withDeadline } from './deadline';
import { killGroupAndWait } from './process-group';

export interface ChromiumExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the executable could not be started at all. */
  error?: string;
}

const DEVTOOLS_LINE = /DevTools listening on ws:\/\/([^/\s]+)\//;
const STDERR_TAIL_LINES = 20;

/**
 * One running Chromium and its DevTools pipe. It gets its own process group, so that stopping it
 * also ends every helper (zygotes, GPU, renderers) even when the browser process is already gone.
 */
export class ChromiumProcess {
  readonly cdp: CdpPipe;
  readonly exited: Promise<ChromiumExit>;
  readonly startedAt = Date.now();
  /** The browser process id, or undefined if it could not be spawned. */
  readonly pid: number | undefined;
  private readonly stderrTail: string[] = [];

  constructor(executable: string, args: readonly string[], private readonly log: Logger, env: NodeJS.ProcessEnv = process.env) {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true, env });
    this.pid = child.pid;
    this.cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable, log);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', (error) => resolve({ code: null, signal: null, error: error.message }));
    });
    void this.exited.then(() => this.cdp.close('the browser exited'));

    createInterface({ input: child.stderr! }).on('line', (line) => {
      this.stderrTail.push(line);
      if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
      const devtools = DEVTOOLS_LINE.exec(line);
      if (devtools) {
        // Only with a test CDP port. End-to-end tests parse this JSON line and hand the endpoint to
        // Playwright's connectOverCDP.
        log.info({ cdpEndpoint: `http://${devtools[1]}` }, 'test automation endpoint');
      }
    });
  }

  /** Chromium's last stderr lines, for the log when it fails (it is too chatty to log every line). */
  get recentStderr(): string[] {
    return [...this.stderrTail];
  }

  /**
   * The error to report for a failed DevTools call: when the pipe closed because the browser died,
   * its exit status and last words say more than the interrupted call.
   */
  async explainFailure(error: unknown, when: string): Promise<unknown> {
    if (this.cdp.isOpen) return error;
    const exit = await withDeadline(1_000, 'no exit', () => this.exited).catch(() => null);
    if (!exit) return error;
    const stderr = this.stderrTail.slice(-5).join(' | ');
    return new Error(`Chromium exited ${when} (${describeExit(exit)})${stderr ? `: ${stderr}` : ''}`);
  }

  /** Asks politely over DevTools, then with signals: a kiosk must never keep a stale browser around. */
  async close(timeoutMs: number): Promise<void> {
    const exitsWithin = (ms: number) => withDeadline(ms, 'still running', () => this.exited).then(() => true, () => false);
    this.cdp.send('Browser.close').catch(() => {}); // the pipe closing as the browser exits is the answer
    if (await exitsWithin(timeoutMs)) return;
    this.log.warn({ browserPid: this.pid }, 'chromium ignored Browser.close; sending SIGTERM');
    this.signal('SIGTERM');
    if (await exitsWithin(timeoutMs)) return;
    this.log.warn({ browserPid: this.pid }, 'chromium ignored SIGTERM; sending SIGKILL');
    this.signal('SIGKILL');
    await this.exited;
  }

  /** SIGKILLs the whole process group and waits until none of it runs (false: some still ran after 5 s). */
  endGroup(): Promise<boolean> {
    return this.pid === undefined ? Promise.resolve(true) : killGroupAndWait(this.pid);
  }

  /** Signals the whole process group; a group that is already gone is not an error. */
  signal(signal: NodeJS.Signals): void {
    if (this.pid === undefined) return;
    try {
      process.kill(-this.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

function describeExit(exit: ChromiumExit): string {
  return exit.error ?? (exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`);
}
