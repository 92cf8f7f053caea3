import { fork, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackoffDelays } from '../../common/backoff';
import { fail, ok, type Result } from '../../common/result';
import type { DeviceLogger } from '../logger';
import type { PcscHelperMessage, PcscHelperRequest } from './pcsc-helper';
import { ReconnectingTransport } from './reconnecting-transport';
import type { SmartCardTransport, SmartCardTransportEvents } from './smart-card-transport';

export interface PcscTransportOptions {
  /** The reader's name as pcscd lists it, or its beginning ("Virtual PCD 00 00", "Gemalto PC Twin Reader"). */
  reader: string;
  logger: DeviceLogger;
  retry?: BackoffDelays;
}

const DEFAULT_RETRY: BackoffDelays = { firstMs: 1_000, maxMs: 30_000 };
/** pcscd answers a new context at once when it is up, or refuses at once when it is not there. */
const START_TIMEOUT_MS = 5_000;
/** Where clients reach pcscd (pcsc-lite's default, or what PCSCLITE_CSOCK_NAME says, as the library reads it). */
const PCSCD_SOCKET = process.env.PCSCLITE_CSOCK_NAME ?? '/run/pcscd/pcscd.comm';
const SOCKET_CHECK_MS = 1_000;
const NO_PCSCD = 'pcscd is not running (the PC/SC service): install it (build/system-packages.sh) and start it with systemctl start pcscd';

/**
 * The SmartCardTransport over pcscd through the pcsclite binding, which runs in a helper process
 * (pcsc-helper.ts) because its close can hang forever. pcscd being away is `absent`, as is the reader;
 * either way the helper is killed and started again with backoff (reconnecting-transport.ts), so both
 * come back without anyone restarting the kiosk. Only reader names and states are logged.
 */
export class PcscTransport extends ReconnectingTransport<SmartCardTransportEvents> implements SmartCardTransport {
  private helper: ChildProcess | null = null;
  private socketWatch: NodeJS.Timeout | undefined;
  private cardIn = false;
  private nextId = 0;
  private readonly exchanges = new Map<number, (result: Result<Uint8Array>) => void>();

  constructor(private readonly options: PcscTransportOptions) {
    super(options.retry ?? DEFAULT_RETRY);
  }

  transmit(apdu: Uint8Array): Promise<Result<Uint8Array>> {
    const { helper } = this;
    if (!helper || this.status.state !== 'ready') return Promise.resolve(fail(`the reader is not ready: ${this.status.state}`));
    if (!this.cardIn) return Promise.resolve(fail('no card in the reader'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.exchanges.set(id, resolve);
      const request: PcscHelperRequest = { type: 'transmit', id, apdu: Buffer.from(apdu).toString('hex') };
      helper.send(request, (error) => {
        if (!error || !this.exchanges.delete(id)) return;
        resolve(fail(`the exchange with the card failed: ${error.message}`));
      });
    });
  }

  protected async tryOpen(): Promise<void> {
    const helper = startHelper(this.options.reader);
    this.helper = helper;
    helper.on('message', (message: PcscHelperMessage) => {
      if (this.helper === helper) this.heard(message);
    });
    helper.on('exit', (code, signal) => {
      if (this.helper === helper) this.drop(`the PC/SC helper stopped (${signal ?? `exit ${code}`})`);
    });
    // It could not be started, or a message could not reach it: either way it is of no more use.
    helper.on('error', (error) => {
      if (this.helper === helper) this.drop(`the PC/SC helper failed: ${error.message}`);
    });
    // Resolves once the helper has a context or has said why not, as the first attempt promises. A pcscd
    // that is starting or stuck can leave the context hanging: then this helper is given up like a lost one.
    await new Promise<void>((resolve) => {
      const givenUp = setTimeout(() => {
        if (this.helper === helper) this.drop(`pcscd did not answer within ${START_TIMEOUT_MS / 1000} s`);
        resolve();
      }, START_TIMEOUT_MS);
      const settled = () => {
        clearTimeout(givenUp);
        resolve();
      };
      helper.on('message', (message: PcscHelperMessage) => ['started', 'unavailable'].includes(message.type) && settled());
      helper.once('exit', settled);
    });
  }

  /** A helper still waiting for pcscd when the reader is closed is not waited for. */
  protected override cutAttemptShort(): void {
    this.helper?.kill('SIGKILL');
  }

  protected async release(): Promise<void> {
    const { helper } = this;
    this.helper = null;
    clearInterval(this.socketWatch);
    this.cardGone();
    for (const [id, answer] of this.exchanges) {
      this.exchanges.delete(id);
      answer(fail('the exchange with the card failed: the reader went away'));
    }
    // No goodbye: the binding's own close is what can hang. The system closes the helper's pcscd connection.
    if (helper && helper.exitCode === null && helper.signalCode === null) helper.kill('SIGKILL');
  }

  private heard(message: PcscHelperMessage): void {
    const { logger, reader } = this.options;
    switch (message.type) {
      case 'started':
        this.watchSocket();
        if (message.reader) return this.readerFound(message.reader);
        this.setStatus({ state: 'offline', reason: `no reader named "${reader}" in pcscd`, absent: true });
        return;
      case 'unavailable':
        // SCardEstablishContext fails at once when pcscd is not there ("Service not available").
        return this.drop(/not available|no service/i.test(message.reason) ? NO_PCSCD : `PC/SC: ${message.reason}`);
      case 'lost':
        return this.drop(`lost pcscd: ${message.reason}`);
      case 'reader-found':
        return this.readerFound(message.name);
      case 'reader-error':
        return logger.warn({ reader, reason: message.reason }, 'smart-card reader error');
      case 'reader-gone':
        return this.drop(`the reader "${message.name}" went away`);
      case 'connect-failed':
        return logger.warn({ reader, reason: message.reason }, 'could not connect to the card');
      case 'card-inserted':
        this.cardIn = true;
        this.emit('cardInserted', Uint8Array.from(Buffer.from(message.atr, 'hex')));
        return;
      case 'card-removed':
        return this.cardGone();
      case 'transmitted': {
        const answer = this.exchanges.get(message.id);
        this.exchanges.delete(message.id);
        answer?.(message.response !== undefined ? ok(Uint8Array.from(Buffer.from(message.response, 'hex'))) : fail(`the exchange with the card failed: ${message.error}`));
      }
    }
  }

  private readerFound(name: string): void {
    this.options.logger.info({ reader: name }, 'smart-card reader found');
    this.connected();
  }

  /**
   * The binding does not always say that pcscd went: now and then its threads miss it, and the reader stays
   * `ready` on a dead connection. pcscd removes its socket when it stops and makes a new one when it starts,
   * so a socket gone or replaced since the helper connected means the same as an error from the binding.
   */
  private watchSocket(): void {
    const connectedTo = socketIdentity();
    clearInterval(this.socketWatch);
    this.socketWatch = setInterval(() => {
      if (socketIdentity() !== connectedTo) this.drop('lost pcscd: it stopped or started again');
    }, SOCKET_CHECK_MS);
    this.socketWatch.unref();
  }

  private cardGone(): void {
    if (!this.cardIn) return;
    this.cardIn = false;
    this.emit('cardRemoved');
  }

  /** pcscd, the reader or the helper went: let go of all of it, and start again after the backoff. */
  private drop(reason: string): void {
    void this.release();
    if (this.wanted) this.lost(reason, true);
  }
}

function socketIdentity(): string | null {
  try {
    const { dev, ino } = statSync(PCSCD_SOCKET);
    return `${dev}:${ino}`;
  } catch {
    return null;
  }
}

/**
 * Forks pcsc-helper beside this file: `.ts` from the sources (through tsx, as in tests and `npm run devices`),
 * `.js` in the bundled host (build/bundle-host.mjs builds it beside the host's entry points).
 */
function startHelper(reader: string): ChildProcess {
  const here = fileURLToPath(import.meta.url);
  const fromSources = here.endsWith('.ts');
  const script = path.join(path.dirname(here), `pcsc-helper${fromSources ? '.ts' : '.js'}`);
  return fork(script, [reader], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: fromSources ? ['--import', 'tsx'] : [], serialization: 'json' });
}
