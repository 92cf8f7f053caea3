import { request } from 'node:http';
import { fail, ok, type Result } from '../../common/result';
import { decodeIppMessage, type IppMessage, encodeIppMessage } from '../codecs/ipp';
import { isSuccessful, NOT_FOUND, statusWords } from '../codecs/ipp-operations';
import { durationWords } from '../duration-words';

/** Where a queue is: `ipp://host:port/printers/Name`, as CUPS names it. */
export interface IppQueue {
  host: string;
  port: number;
  path: string;
  /** The queue's name, for messages. */
  name: string;
  /** The printer-uri that goes in each request. */
  uri: string;
}

/** Parses an ipp:// URI; the port defaults to 631. */
export function ippQueueOf(uri: string): Result<IppQueue> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return fail(`"${uri}" is not a URI: give the queue as ipp://host:631/printers/Name`);
  }
  if (url.protocol !== 'ipp:') return fail(`"${uri}" is not an ipp:// URI: give the queue as ipp://host:631/printers/Name`);
  const name = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '');
  if (!name) return fail(`"${uri}" names no queue: give it as ipp://host:631/printers/Name`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return ok({ host, port: url.port ? Number(url.port) : 631, path: url.pathname, name, uri });
}

/**
 * Why a request got no successful answer. `absent`: no CUPS listens there, or it has no such queue;
 * `malformed`: the answer is not IPP, or not the answer to this request; `refused`: a valid IPP answer
 * with an error status; `unreachable`: a timeout or a broken connection.
 */
export interface IppFailure {
  kind: 'absent' | 'malformed' | 'refused' | 'unreachable';
  message: string;
  /** The IPP status, when `refused`. */
  status?: number;
}
const failure = (kind: IppFailure['kind'], message: string, status?: number): Result<never, IppFailure> =>
  fail(status === undefined ? { kind, message } : { kind, message, status });

export interface IppTransportOptions {
  /** A request not answered in full within this fails (a CUPS that hangs, or not a print server). */
  timeoutMs?: number;
  /** Responses larger than this are refused: Borne asks for a few attributes, never a document. */
  maxResponseBytes?: number;
}

/**
 * IPP over HTTP (RFC 8010 §4) to one CUPS queue: each request is one POST of `application/ipp`, and
 * its answer is decoded and checked (same request id, a successful status). Fails with a reason a
 * technician can act on: CUPS not running, no such queue, a response that is not IPP.
 */
export class IppTransport {
  private nextRequestId = 1;

  constructor(readonly queue: IppQueue, private readonly options: IppTransportOptions = {}) {}

  /** A request id for the next message: ids tie each response to its request. */
  requestId(): number {
    const id = this.nextRequestId;
    this.nextRequestId = (this.nextRequestId % 0x7fffffff) + 1;
    return id;
  }

  /** Sends `message` and answers the successful response, or why there is none. */
  async send(message: IppMessage): Promise<Result<IppMessage, IppFailure>> {
    const body = await this.post(encodeIppMessage(message));
    if (!body.ok) return body;
    const response = decodeIppMessage(body.value);
    if (!response.ok) return failure('malformed', `the print server at ${this.where()} answered something that is not IPP: ${response.error}`);
    if (response.value.requestId !== message.requestId) {
      return failure('malformed', `the print server at ${this.where()} answered request ${response.value.requestId} to request ${message.requestId}`);
    }
    const status = response.value.code;
    if (status === NOT_FOUND && message.groups[0]?.attributes.every((attribute) => attribute.name !== 'job-id')) {
      return failure('absent', `no queue named "${this.queue.name}" at ${this.where()}: check the printer's URI in the profile`, status);
    }
    if (!isSuccessful(status)) return failure('refused', `the print server at ${this.where()} refused: ${statusWords(status)}`, status);
    return response;
  }

  private where(): string {
    return `${this.queue.host}:${this.queue.port}`;
  }

  private post(body: Uint8Array): Promise<Result<Uint8Array, IppFailure>> {
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    const maxBytes = this.options.maxResponseBytes ?? 1 << 20;
    return new Promise((resolve) => {
      const settle = (result: Result<Uint8Array, IppFailure>): void => {
        clearTimeout(timer);
        resolve(result);
      };
      const sent = request({
        host: this.queue.host, port: this.queue.port, path: this.queue.path, method: 'POST',
        headers: { 'content-type': 'application/ipp', 'content-length': body.length },
      }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          settle(failure('malformed', `the print server at ${this.where()} answered HTTP ${response.statusCode}: is it CUPS, and is the path right?`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            sent.destroy();
            settle(failure('malformed', `the print server at ${this.where()} answered more than ${maxBytes} bytes: it is not answering as a printer does`));
          } else chunks.push(chunk);
        });
        response.on('end', () => settle(ok(new Uint8Array(Buffer.concat(chunks)))));
        response.on('error', (error) => settle(failure('unreachable', `the answer from ${this.where()} broke off: ${error.message}`)));
      });
      const timer = setTimeout(() => {
        sent.destroy();
        settle(failure('unreachable', `the print server at ${this.where()} did not answer within ${durationWords(timeoutMs)}`));
      }, timeoutMs);
      sent.on('error', (error: NodeJS.ErrnoException) => settle(this.connectionError(error)));
      sent.end(body);
    });
  }

  private connectionError(error: NodeJS.ErrnoException): Result<never, IppFailure> {
    if (error.code === 'ECONNREFUSED') return failure('absent', `CUPS is not running at ${this.where()} (nothing listens there)`);
    if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return failure('absent', `the print server's host "${this.queue.host}" is not known`);
    return failure('unreachable', `cannot reach the print server at ${this.where()}: ${error.message}`);
  }
}
