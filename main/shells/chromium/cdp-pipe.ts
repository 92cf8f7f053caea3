import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { Logger } from '../../log';

/** What Chromium writes on the pipe: a reply to one of our calls, or an event. */
const CdpIncomingSchema = z.union([
  z.object({
    id: z.number().int(),
    result: z.record(z.string(), z.unknown()).optional(),
    error: z.object({ message: z.string(), code: z.number().optional() }).optional(),
    sessionId: z.string().optional(),
  }),
  z.object({
    method: z.string(),
    params: z.record(z.string(), z.unknown()).default({}),
    sessionId: z.string().optional(),
  }),
]);

export type CdpResult = Record<string, unknown>;
export type CdpEventListener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

interface PendingCall {
  method: string;
  resolve(result: CdpResult): void;
  reject(error: Error): void;
}

/**
 * The DevTools protocol over `--remote-debugging-pipe`: Chromium reads commands from its fd 3 and
 * writes replies and events on fd 4, each a JSON message ended by a NUL byte. No port is opened,
 * so nothing else on the machine can drive the kiosk.
 */
export class CdpPipe {
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Map<string, Set<CdpEventListener>>();
  private readonly closeListeners = new Set<(reason: string) => void>();
  private readonly decoder = new StringDecoder('utf8');
  private buffered = '';
  private lastId = 0;
  private closedReason: string | null = null;

  /** `commands` is Chromium's fd 3, `replies` its fd 4. */
  constructor(
    private readonly commands: Writable,
    replies: Readable,
    private readonly log: Logger,
  ) {
    replies.on('data', (chunk: Buffer | string) => this.receive(chunk));
    replies.on('end', () => this.close('the browser closed the DevTools pipe'));
    replies.on('close', () => this.close('the browser closed the DevTools pipe'));
    replies.on('error', (error) => this.close(`DevTools pipe error: ${error.message}`));
    commands.on('error', (error) => this.close(`DevTools pipe error: ${error.message}`));
  }

  get isOpen(): boolean {
    return this.closedReason === null;
  }

  /** Calls a protocol method; rejects with Chromium's error message, or when the pipe closes first. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<CdpResult> {
    if (this.closedReason !== null) return Promise.reject(new Error(`CDP ${method}: ${this.closedReason}`));
    const id = ++this.lastId;
    const message = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.commands.write(`${message}\0`);
    });
  }

  /** Listens to an event, from every session; returns a function that stops listening. */
  on(method: string, listener: CdpEventListener): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  /** Calls `listener` once the pipe is closed (at once if it already is); returns a function that stops listening. */
  onClose(listener: (reason: string) => void): () => void {
    if (this.closedReason !== null) listener(this.closedReason);
    else this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Rejects every call still waiting for a reply; later calls reject at once. */
  close(reason = 'the DevTools pipe was closed'): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    for (const [, call] of this.pending) call.reject(new Error(`CDP ${call.method}: ${reason}`));
    this.pending.clear();
    for (const listener of this.closeListeners) listener(reason);
    this.closeListeners.clear();
    this.commands.end();
  }

  private receive(chunk: Buffer | string): void {
    // The decoder keeps a multi-byte character split across two chunks whole.
    this.buffered += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let end: number;
    while ((end = this.buffered.indexOf('\0')) >= 0) {
      const frame = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      this.dispatch(frame);
    }
  }

  private dispatch(frame: string): void {
    let json: unknown;
    try {
      json = JSON.parse(frame);
    } catch {
      this.log.warn({ frame: frame.slice(0, 200) }, 'ignored a DevTools message that is not JSON');
      return;
    }
    const parsed = CdpIncomingSchema.safeParse(json);
    if (!parsed.success) {
      this.log.warn({ frame: frame.slice(0, 200) }, 'ignored a DevTools message of unknown shape');
      return;
    }
    const message = parsed.data;
    if ('id' in message) {
      const call = this.pending.get(message.id);
      if (!call) {
        this.log.warn({ id: message.id }, 'ignored a DevTools reply to no pending call');
        return;
      }
      this.pending.delete(message.id);
      if (message.error) call.reject(new Error(`CDP ${call.method}: ${message.error.message}`));
      else call.resolve(message.result ?? {});
      return;
    }
    for (const listener of this.listeners.get(message.method) ?? []) {
      try {
        listener(message.params, message.sessionId);
      } catch (error) {
        this.log.error({ err: error, method: message.method }, 'a DevTools event listener failed');
      }
    }
  }
}
