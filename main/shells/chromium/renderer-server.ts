import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KIOSK_COLOURS } from '../../../common/colours';
import type { BridgeHub } from '../../bridge/hub';
import type { Logger } from '../../log';
import type { BridgeConnectionLimits } from './bridge-connection';
import { acceptBridgeSockets } from './bridge-socket';
import { rendererFileHandler } from './renderer-files';

export interface RendererServer {
  /** `http://127.0.0.1:PORT`: the only origin the kiosk page has and the only one its socket may come from. */
  readonly origin: string;
  /**
   * What the browser opens. It holds no secret: Chromium records page URLs (history, sessions,
   * the DevTools target list), so the launch token reaches the page over DevTools instead.
   */
  readonly pageUrl: string;
  /** The per-launch secret the page must bring to open its bridge socket. */
  readonly launchToken: string;
  /**
   * A blank page holding no token, for Chromium's command line: `--app` needs a real URL to open an
   * app window (with about:blank it opens a tabbed browser), and every local user can read /proc.
   */
  readonly startUrl: string;
  close(): Promise<void>;
}

export interface RendererServerOptions {
  rendererDir: string;
  hub: BridgeHub;
  log: Logger;
  /** Per-socket limits; the defaults suit a kiosk page, tests tighten them. */
  bridgeLimits?: BridgeConnectionLimits;
}

/**
 * Serves the built renderer on a free loopback port and accepts its bridge socket. The launch token
 * is fresh for every server, so a page from an earlier run (or another local program) cannot connect.
 */
export async function startRendererServer({ rendererDir, hub, log, bridgeLimits }: RendererServerOptions): Promise<RendererServer> {
  const token = randomBytes(32).toString('base64url');
  let host = '';
  const headers = () => securityHeaders(host);
  const serveFile = await rendererFileHandler(rendererDir, headers, log);

  const server = createServer({ headersTimeout: 5_000, requestTimeout: 10_000 }, (request, response) => {
    // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host.
    if (request.headers.host !== host) {
      response.writeHead(403, headers()).end();
      return;
    }
    if (request.url === START_PATH) {
      response.writeHead(200, { ...START_PAGE_HEADERS }).end(START_PAGE);
      return;
    }
    serveFile(request, response).catch((error: unknown) => {
      log.error({ err: error, url: request.url }, 'renderer server failed to answer');
      response.destroy();
    });
  });
  // Node answers a request it cannot parse itself; this also covers a client that resets mid-answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable && error.code !== 'ECONNRESET') {
      socket.end(`HTTP/1.1 ${CLIENT_ERROR_STATUS[error.code ?? ''] ?? '400 Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });
  await listen(server);
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = `http://${host}`;
  const bridge = acceptBridgeSockets({ server, origin, token, hub, log, limits: bridgeLimits });
  log.info({ origin, rendererDir }, 'renderer server listening');

  return {
    origin,
    pageUrl: `${origin}/`,
    launchToken: token,
    startUrl: `${origin}${START_PATH}`,
    close: () => {
      bridge.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Statuses for what Node's HTTP parser refuses; anything else is a 400. */
const CLIENT_ERROR_STATUS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

const START_PATH = '/starting';
/** The kiosk's own blue from the first frame, so the screen does not flash white at boot. No script at all. */
const START_PAGE = `<!doctype html><title>Borne</title><style>html{background:${KIOSK_COLOURS.blue}}</style>`;
const START_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Cache-Control': 'no-store',
} as const;

/**
 * Scripts, styles, fonts and images from this server only, and one socket: the bridge. Vite inlines
 * small images and fonts as data: URLs, which cannot run code.
 */
function securityHeaders(host: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "media-src 'self'",
    "manifest-src 'self'",
    `connect-src 'self' ws://${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
