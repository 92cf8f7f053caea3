import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { BRIDGE_WEBSOCKET_PATH } from '../../../common/bridge';
import type { BridgeHub } from '../../bridge/hub';
import type { Logger } from '../../log';
import { connectBridgeSocket, DEFAULT_CONNECTION_LIMITS, type BridgeConnectionLimits } from './bridge-connection';

/** Far above any bridge event; a bigger frame is a bug or an attack, and ws closes the socket. */
const MAX_FRAME_BYTES = 64 * 1024;
/**
 * The kiosk page holds one socket, two for a moment while it reconnects; later an agent's view adds one.
 * Beyond this, a local program is opening sockets to exhaust the host.
 */
const MAX_SOCKETS = 8;

export interface BridgeSocketOptions {
  server: Server;
  /** The renderer server's own origin, e.g. `http://127.0.0.1:41234`: the only page allowed to connect. */
  origin: string;
  /** The per-launch secret the host handed the page over DevTools. */
  token: string;
  hub: BridgeHub;
  log: Logger;
  limits?: BridgeConnectionLimits;
}

/**
 * Accepts the renderer's WebSocket at `BRIDGE_WEBSOCKET_PATH` and connects each socket to the hub as
 * one view. Any local process can reach a loopback port, so a socket must bring our Host, the launch
 * token and our Origin; anything else is refused before the WebSocket handshake. Whatever arrives,
 * the answer is a status or a close code: nothing a client sends can throw out of this listener.
 */
export function acceptBridgeSockets({ server, origin, token, hub, log, limits = DEFAULT_CONNECTION_LIMITS }: BridgeSocketOptions): { close(): void } {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let connections = 0;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client may reset the connection at any moment; an unhandled socket error would end the process.
    socket.on('error', () => socket.destroy());
    try {
      const refusal = refuse(request, origin, token) ?? (sockets.clients.size >= MAX_SOCKETS ? TOO_MANY : null);
      if (refusal) {
        log.warn({ status: refusal.status, reason: refusal.reason }, 'refused a bridge socket');
        socket.end(`HTTP/1.1 ${refusal.status} ${refusal.text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => connectBridgeSocket(ws, `chromium#${++connections}`, { hub, log, limits }));
    } catch (error) {
      log.error({ err: error }, 'failed to answer a bridge socket request');
      socket.destroy();
    }
  });

  return {
    close: () => {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

interface Refusal {
  status: 400 | 401 | 403 | 404 | 503;
  text: string;
  reason: string;
}

const TOO_MANY: Refusal = { status: 503, text: 'Service Unavailable', reason: 'too many bridge sockets' };

function refuse(request: IncomingMessage, origin: string, token: string): Refusal | null {
  // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host.
  if (`http://${request.headers.host}` !== origin) return { status: 403, text: 'Forbidden', reason: 'foreign host' };
  let url: URL;
  try {
    url = new URL(request.url ?? '/', origin);
  } catch {
    return { status: 400, text: 'Bad Request', reason: 'malformed URL' };
  }
  if (url.pathname !== BRIDGE_WEBSOCKET_PATH) return { status: 404, text: 'Not Found', reason: 'not the bridge path' };
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) {
    return { status: 401, text: 'Unauthorized', reason: 'missing or wrong launch token' };
  }
  if (request.headers.origin !== origin) return { status: 403, text: 'Forbidden', reason: 'foreign origin' };
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
