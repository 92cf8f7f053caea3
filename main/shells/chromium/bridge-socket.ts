import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BRIDGE_WEBSOCKET_PATH } from '../../../common/bridge';
import type { BridgeHub } from '../../bridge/hub';
import type { Logger } from '../../log';

/** Far above any bridge event; a bigger frame is a bug or an attack, and ws closes the socket. */
const MAX_FRAME_BYTES = 64 * 1024;

export interface BridgeSocketOptions {
  server: Server;
  /** The renderer server's own origin, e.g. `http://127.0.0.1:41234`: the only page allowed to connect. */
  origin: string;
  /** The per-launch secret the page got in its URL fragment. */
  token: string;
  hub: BridgeHub;
  log: Logger;
}

/**
 * Accepts the renderer's WebSocket at `BRIDGE_WEBSOCKET_PATH` and connects each socket to the hub as
 * one view. Any local process can reach a loopback port, so a socket must bring both the launch token
 * and our Origin; anything else is refused before the WebSocket handshake.
 */
export function acceptBridgeSockets({ server, origin, token, hub, log }: BridgeSocketOptions): { close(): void } {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let connections = 0;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuse(request, origin, token);
    if (refusal) {
      log.warn({ status: refusal.status, reason: refusal.reason, origin: request.headers.origin }, 'refused a bridge socket');
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => connect(ws, `chromium#${++connections}`));
  });

  function connect(ws: WebSocket, label: string): void {
    const attached = hub.attach({
      label,
      send: (message) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      },
    });
    ws.on('message', (data: RawData, isBinary: boolean) => attached.receive(isBinary ? data : parseFrame(data)));
    ws.on('error', (error) => log.warn({ view: label, err: error }, 'bridge socket error'));
    ws.on('close', () => attached.detach());
  }

  return {
    close: () => {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

interface Refusal {
  status: 401 | 403 | 404;
  text: string;
  reason: string;
}

function refuse(request: IncomingMessage, origin: string, token: string): Refusal | null {
  const url = new URL(request.url ?? '/', origin);
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
