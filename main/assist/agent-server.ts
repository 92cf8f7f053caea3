import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AGENT_PATHS, AgentLoginSchema, type AgentLoginAnswer, type AgentMessage } from '../../common/assist';
import { issueLines } from '../../common/issues';
import type { Logger } from '../log';
import { connectBridgeSocket, DEFAULT_CONNECTION_LIMITS, type BridgeConnectionLimits, type SocketHub } from '../shells/chromium/bridge-connection';
import { rendererFileHandler } from '../shells/chromium/renderer-files';
import type { AgentGate } from './agent-gate';
import type { AgentSession, AgentSessions } from './agent-sessions';

/** A login form's body is a few dozen bytes. */
const MAX_BODY_BYTES = 1024;
const MAX_FRAME_BYTES = 16 * 1024;
/** A few agents, a page or two each. Beyond this somebody is opening sockets to exhaust the host. */
const MAX_SOCKETS = 16;
export const SESSION_COOKIE = 'borne_agent';
/** The built agent page and its mirror (renderer/agent.html and mirror.html, Vite entries) and their assets, nothing else of the renderer. */
const PAGE_FILES: ReadonlyMap<string, string> = new Map([[AGENT_PATHS.page, '/agent.html'], [AGENT_PATHS.mirror, '/mirror.html']]);

export interface AgentServerOptions {
  host: string;
  port: number;
  rendererDir: string;
  gate: AgentGate;
  sessions: AgentSessions;
  /** The desk's hub for a socket opened with this session token. */
  hubFor(token: string): SocketHub<AgentMessage>;
  /** The agent logged out: the desk ends their pages and gives the hand back. */
  onLogout(token: string, session: AgentSession): void;
  log: Logger;
  limits?: BridgeConnectionLimits;
}

export interface AgentServer {
  /** `http://host:port`, the only origin its page and socket may come from. */
  readonly origin: string;
  /** Closes the pages of `token` (an expired session) with 4001. */
  closeSession(token: string): void;
  close(): Promise<void>;
}

/**
 * The agent page's server: the page, the login and logout, and the mirror's WebSocket. Like the kiosk's
 * bridge it checks Host (DNS rebinding) and Origin (another site's page, CSRF) on every request that acts,
 * bounds bodies and frames, rate-limits and closes sockets that never read. The session cookie is
 * HttpOnly and SameSite=Strict; the socket is opened only with a live session.
 */
export async function startAgentServer(options: AgentServerOptions): Promise<AgentServer> {
  const { gate, sessions, log } = options;
  let host = '';
  let origin = '';
  const headers = () => securityHeaders(host, false);
  const serveFile = await rendererFileHandler(options.rendererDir, headers, log);
  const serveMirror = await rendererFileHandler(options.rendererDir, () => securityHeaders(host, true), log);
  const tokensOf = new Map<string, Set<WebSocket>>();
  let checking = false;

  const answer = (response: ServerResponse, status: number, body: AgentLoginAnswer | null, extra: Record<string, string> = {}) => {
    response.writeHead(status, { ...headers(), ...extra, ...(body ? { 'Content-Type': 'application/json; charset=utf-8' } : {}) });
    response.end(body ? JSON.stringify(body) : undefined);
  };

  const login = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    if (body === null) return answer(response, 413, { verdict: 'invalid', reason: 'too long' });
    let parsed;
    try {
      parsed = AgentLoginSchema.safeParse(JSON.parse(body));
    } catch {
      return answer(response, 400, { verdict: 'invalid', reason: 'not JSON' });
    }
    if (!parsed.success) return answer(response, 400, { verdict: 'invalid', reason: issueLines(parsed.error.issues).join('; ') });
    // One check at a time: each costs 16 MiB and tens of milliseconds of scrypt; a flood waits for nobody.
    if (checking) return answer(response, 429, { verdict: 'busy' });
    checking = true;
    try {
      const verdict = await gate.checkPin(parsed.data.agent, parsed.data.pin);
      if (verdict.verdict === 'locked') return answer(response, 423, verdict);
      if (verdict.verdict === 'wrong') return answer(response, 401, verdict);
      const { token } = sessions.open(verdict.agent);
      answer(response, 200, { verdict: 'accepted', name: verdict.agent.name },
        { 'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${sessions.sessionMinutes * 60}` });
    } finally {
      checking = false;
    }
  };

  const logout = (request: IncomingMessage, response: ServerResponse) => {
    const token = cookieToken(request);
    const session = sessions.close(token);
    if (token && session) {
      options.onLogout(token, session);
      closeSockets(token, 4000, 'logged out');
    }
    answer(response, 204, null, { 'Set-Cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
  };

  const server = createServer({ headersTimeout: 5_000, requestTimeout: 10_000 }, (request, response) => {
    const refusal = foreign(request, host, origin);
    if (refusal) return void response.writeHead(refusal, headers()).end();
    const path = request.url ?? '/';
    if (request.method === 'POST' && path === AGENT_PATHS.login) {
      return void login(request, response).catch((error: unknown) => {
        log.error({ err: error }, 'agent login failed');
        if (!response.headersSent) answer(response, 500, { verdict: 'invalid', reason: 'the kiosk could not check the PIN' });
        else response.destroy();
      });
    }
    if (request.method === 'POST' && path === AGENT_PATHS.logout) return logout(request, response);
    if (request.method === 'GET' && path === AGENT_PATHS.me) {
      const session = sessions.find(cookieToken(request));
      return session ? answer(response, 200, { verdict: 'accepted', name: session.agent.name }) : answer(response, 401, null);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, headers()).end();
    // The agent page, its mirror and their assets only: the kiosk's own page is not served here.
    const page = PAGE_FILES.get(path);
    if (!page && !path.startsWith('/assets/')) return void response.writeHead(404, headers()).end();
    if (page) request.url = page;
    (path === AGENT_PATHS.mirror ? serveMirror : serveFile)(request, response).catch((error: unknown) => {
      log.error({ err: error, url: request.url }, 'agent server failed to answer');
      response.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (socket.writable && error.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    socket.destroy();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let connections = 0;
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const token = cookieToken(request);
      const status = foreign(request, host, origin)
        ?? (request.headers.origin !== origin ? 403 : null)
        ?? (request.url !== AGENT_PATHS.socket ? 404 : null)
        ?? (sessions.find(token) === null ? 401 : null)
        ?? (sockets.clients.size >= MAX_SOCKETS ? 503 : null);
      if (status !== null || !token) {
        log.warn({ status }, 'refused an agent socket');
        socket.end(`HTTP/1.1 ${status ?? 401} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => {
        const open = tokensOf.get(token) ?? new Set();
        tokensOf.set(token, open.add(ws));
        ws.on('close', () => open.delete(ws));
        connectBridgeSocket(ws, `agent#${++connections}`, { hub: options.hubFor(token), log, limits: options.limits ?? DEFAULT_CONNECTION_LIMITS });
      });
    } catch (error) {
      log.error({ err: error }, 'failed to answer an agent socket request');
      socket.destroy();
    }
  });

  const closeSockets = (token: string, code: number, reason: string) => {
    for (const ws of tokensOf.get(token) ?? []) ws.close(code, reason);
    tokensOf.delete(token);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  host = options.host.includes(':') ? `[${options.host}]:${port}` : `${options.host}:${port}`;
  origin = `http://${host}`;
  log.info({ origin }, 'agent server listening');

  return {
    origin,
    closeSession: (token) => closeSockets(token, 4001, 'session expired'),
    close: () => {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** 403 for a request that names another host (DNS rebinding) or, when it acts, comes from another origin (CSRF). */
function foreign(request: IncomingMessage, host: string, origin: string): 403 | null {
  if (request.headers.host !== host) return 403;
  if (request.method === 'POST' && request.headers.origin !== origin) return 403;
  return null;
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value) return value;
  }
  return undefined;
}

/** The body as text, or null past MAX_BODY_BYTES (the rest is not read). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
      }
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/**
 * As the kiosk page's: our own scripts and styles, and one socket, to this server. The agent page may
 * frame its mirror, and the mirror may be framed by it only; nothing else frames or is framed.
 */
function securityHeaders(host: string, mirror: boolean): Record<string, string> {
  const csp = [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
    mirror ? "connect-src 'none'" : `connect-src 'self' ws://${host}`, mirror ? "frame-src 'none'" : "frame-src 'self'",
    "base-uri 'none'", "form-action 'none'", mirror ? "frame-ancestors 'self'" : "frame-ancestors 'none'", "object-src 'none'",
  ].join('; ');
  return { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
}
