import { chmod, mkdir, unlink } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { errorMessage } from '../common/error-message';
import { fail, ok, type Result } from '../common/result';
import { ControlRequestSchema, MAX_REQUEST_BYTES, type ControlRequest, type ControlResponse } from './control-protocol';
import type { DeviceLogger } from './logger';
import type { DeviceManager } from './manager';
import { testReceipt } from './test-receipt';

export interface ControlServerOptions {
  socketPath: string;
  manager: DeviceManager;
  /** Whether a technician may take a reading now: the host says no while a visit is on. */
  mayRead(): Result<void>;
  logger: DeviceLogger;
}

/** More clients than a technician's terminal needs; beyond it a connection is answered and closed. */
const MAX_CLIENTS = 8;
/** A client that sends no whole request within this is closed, so that idle connections hold nothing. */
const REQUEST_WAIT_MS = 10_000;
/** A client that does not read its answers is dropped before they pile up in the host's memory. */
const MAX_UNREAD_BYTES = 256 * 1024;

/**
 * The host's side of the technician CLI (`npm run devices`): a Unix socket in the user's private folder,
 * readable by this user only, answering `status`, `read` and `print-test` (devices/control-protocol.ts). Every request
 * is validated; a bad one gets an error line and the connection stays usable; an oversized line, a
 * silent client or one that never reads is closed. Nothing here can stop the host.
 */
export class ControlServer {
  private readonly clients = new Set<Socket>();

  private constructor(private readonly server: Server, private readonly options: ControlServerOptions) {
    server.on('connection', (socket) => this.accept(socket));
    server.on('error', (error) => options.logger.error({ reason: errorMessage(error) }, 'device control socket error'));
  }

  /** Listens at `socketPath`; an error value (the host goes on without it) when another host holds it. */
  static async open(options: ControlServerOptions): Promise<Result<ControlServer>> {
    const { socketPath } = options;
    try {
      await mkdir(path.dirname(socketPath), { recursive: true, mode: 0o700 });
      if (await answers(socketPath)) return fail(`another host already answers at ${socketPath}`);
      // A socket file left by a host that died: nobody answers it, so it can go.
      await unlink(socketPath).catch(() => undefined);
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(socketPath, () => resolve());
      });
      await chmod(socketPath, 0o600);
      return ok(new ControlServer(server, options));
    } catch (error) {
      return fail(`cannot listen at ${socketPath}: ${errorMessage(error)}`);
    }
  }

  async close(): Promise<void> {
    for (const socket of this.clients) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    if (this.clients.size >= MAX_CLIENTS) {
      socket.end(line({ ok: false, error: `too many technician connections (at most ${MAX_CLIENTS})` }));
      return;
    }
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(REQUEST_WAIT_MS, () => socket.destroy());
    let pending = '';
    let queue = Promise.resolve();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (socket.writableEnded) return;
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const request = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        // One request at a time per client, answered in order.
        queue = queue.then(() => this.answer(socket, request));
      }
      if (Buffer.byteLength(pending) > MAX_REQUEST_BYTES) {
        socket.end(line({ ok: false, error: `a request is one JSON line of at most ${MAX_REQUEST_BYTES} bytes` }));
        pending = '';
      }
    });
  }

  private async answer(socket: Socket, text: string): Promise<void> {
    // A reading may take a minute: the wait for a request does not run while one is answered.
    socket.setTimeout(0);
    const response = await this.respond(text);
    if (socket.destroyed) return;
    socket.setTimeout(REQUEST_WAIT_MS);
    if (socket.writableLength > MAX_UNREAD_BYTES) {
      this.options.logger.warn({}, 'a technician client does not read its answers: closed');
      socket.destroy();
      return;
    }
    socket.write(line(response));
  }

  private async respond(text: string): Promise<ControlResponse> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: 'a request is one JSON object per line, for example {"op":"status"}' };
    }
    const request = ControlRequestSchema.safeParse(json);
    if (!request.success) {
      const issue = request.error.issues[0]!;
      return { ok: false, error: `bad request at ${issue.path.join('.') || 'the top'}: ${issue.message}` };
    }
    return this.perform(request.data);
  }

  private async perform(request: ControlRequest): Promise<ControlResponse> {
    const { manager } = this.options;
    if (request.op === 'status') return { ok: true, devices: manager.health() };
    if (!manager.health().some((device) => device.id === request.device)) return { ok: false, error: `this kiosk has no ${request.device}` };
    if (request.op === 'print-test') {
      // A test receipt holds nothing of a visit: it may print while one is on, queued with the visit's own.
      this.options.logger.info({ device: request.device }, 'technician test receipt');
      const job = await manager.printAndWait(request.device, testReceipt(new Date()), (request.timeoutSeconds ?? 60) * 1000);
      return job.ok ? { ok: true, job: job.value } : { ok: false, error: job.error };
    }
    const may = this.options.mayRead();
    if (!may.ok) return { ok: false, error: may.error };
    this.options.logger.info({ device: request.device }, 'technician reading');
    if (request.device === 'smartCardReader') {
      const card = await manager.readCard(request.device, (request.timeoutSeconds ?? 60) * 1000);
      return card.ok ? { ok: true, card: card.value } : { ok: false, error: card.error };
    }
    const read = await manager.read(request.device, (request.timeoutSeconds ?? 60) * 1000);
    if (!read.ok) return { ok: false, error: read.error };
    return read.value.kind === 'badgeReader' ? { ok: true, badge: read.value } : { ok: true, measurement: read.value };
  }
}

const line = (response: ControlResponse): string => `${JSON.stringify(response)}\n`;

/** Whether something listens at `socketPath` now. */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}
