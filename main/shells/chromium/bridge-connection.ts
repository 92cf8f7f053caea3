import type { RawData, WebSocket } from 'ws';
import type { HostMessage } from '../../../common/bridge';
import type { AttachedView } from '../../bridge/hub';
import { tokenBucket, VIEW_MESSAGE_RATE } from '../../bridge/message-rate';
import type { Logger } from '../../log';

/**
 * Limits for one bridge socket. A kiosk page reads every snapshot at once and sends little
 * (VIEW_MESSAGE_RATE); a socket far beyond that is a bug or an attack, and is closed.
 */
export interface BridgeConnectionLimits {
  /** Messages a socket may send in a burst, and per second after that (a token bucket). */
  burstMessages: number;
  messagesPerSecond: number;
  /** Bytes waiting to be sent to a socket after which it is closed as a reader that does not keep up. */
  maxBufferedBytes: number;
  /** A socket that does not answer a ping within this long is dead or not reading: it is closed. */
  heartbeatMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: BridgeConnectionLimits = {
  burstMessages: VIEW_MESSAGE_RATE.burst,
  messagesPerSecond: VIEW_MESSAGE_RATE.perSecond,
  maxBufferedBytes: 256 * 1024,
  heartbeatMs: 15_000,
};

/** Close codes a page's console (and a test) can tell apart. RFC 6455 §7.4.1. */
export const CLOSE_CODES = { policyViolation: 1008 } as const;

/** What a socket is connected to: the kiosk's bridge hub, or assisted mode's agent desk (main/assist/). */
export interface SocketHub<M extends { type: string }> {
  attach(view: { label: string; send(message: M): void }): AttachedView;
}

/**
 * Connects one socket to the hub as one view, with back-pressure: at most one message is in flight to
 * the socket, and while it is, only the latest snapshot waits (a newer one replaces it, the latest wins).
 * A read-aloud answer waits in a slot of its own (the latest too), so that neither a snapshot nor a
 * speech answer ever replaces the other. A rejection notice waits for nobody: a view too busy to read
 * its snapshots does not need it.
 */
export function connectBridgeSocket<M extends { type: string } = HostMessage>(
  ws: WebSocket,
  label: string,
  { hub, log, limits = DEFAULT_CONNECTION_LIMITS }: { hub: SocketHub<M>; log: Logger; limits?: BridgeConnectionLimits },
): void {
  let inFlight = false;
  let waiting: string | null = null;
  let speech: string | null = null;

  const close = (code: number, reason: string) => {
    log.warn({ view: label, code, reason }, 'closed a bridge socket');
    ws.close(code, reason);
    // A peer that does not read will not answer the closing handshake either.
    setTimeout(() => ws.terminate(), 1_000).unref();
  };

  const flush = () => {
    if (inFlight || (waiting === null && speech === null) || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      close(CLOSE_CODES.policyViolation, 'not reading');
      return;
    }
    // The snapshot first: what the screen shows matters more than what it says.
    const text = (waiting ?? speech)!;
    if (waiting !== null) waiting = null;
    else speech = null;
    inFlight = true;
    // The callback runs once the frame is handed to the kernel (or the socket failed): then the next may go.
    ws.send(text, () => {
      inFlight = false;
      flush();
    });
  };

  const attached = hub.attach({
    label,
    send: (message: M) => {
      if (message.type === 'rejected' && (inFlight || waiting !== null)) return;
      if (message.type === 'speech' || message.type === 'speech-failed') speech = JSON.stringify(message);
      else waiting = JSON.stringify(message);
      flush();
    },
  });

  const bucket = tokenBucket(limits.burstMessages, limits.messagesPerSecond);
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (!bucket.take(Date.now())) {
      if (ws.readyState === ws.OPEN) close(CLOSE_CODES.policyViolation, 'too many messages');
      return;
    }
    attached.receive(isBinary ? data : parseFrame(data));
  });

  let answered = true;
  ws.on('pong', () => (answered = true));
  const heartbeat = setInterval(() => {
    if (!answered) {
      log.warn({ view: label }, 'a bridge socket stopped answering; closing it');
      ws.terminate();
      return;
    }
    answered = false;
    ws.ping();
  }, limits.heartbeatMs).unref();

  ws.on('error', (error) => log.warn({ view: label, err: error }, 'bridge socket error'));
  ws.on('close', () => {
    clearInterval(heartbeat);
    waiting = null;
    speech = null;
    attached.detach();
  });
}

/** Not JSON goes to the hub as the raw string, so the hub rejects and logs it like any malformed message. */
function parseFrame(data: RawData): unknown {
  // ws hands text frames over as one Buffer with its default binaryType ('nodebuffer').
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
