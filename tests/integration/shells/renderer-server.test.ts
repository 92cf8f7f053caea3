import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_WEBSOCKET_PATH, type RendererEvent } from '../../../common/bridge';
import { BridgeHub } from '../../../main/bridge/hub';
import { startRendererServer, type RendererServer } from '../../../main/shells/chromium/renderer-server';
import { captureLog } from '../../support/capture-log';

let root: string;
let server: RendererServer;
let events: RendererEvent[];
let lines: Array<Record<string, unknown>>;

const token = () => server.launchToken;
const bridgeUrl = (query = `?token=${token()}`) => `${server.origin.replace('http:', 'ws:')}${BRIDGE_WEBSOCKET_PATH}${query}`;

/** A raw GET, so that `..` reaches the server as sent (fetch and URL would normalise it away). */
function get(rawPath: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(server.origin);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    request({ hostname, port, path: rawPath, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    }).on('error', reject).end();
  });
}

/** Opens a bridge socket; resolves with the socket once open, or with the HTTP status it was refused with. */
function connect(url: string, origin = server.origin) {
  return new Promise<{ socket?: WebSocket; refusedWith?: number }>((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ refusedWith: response.statusCode }));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket) {
  return new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'borne-renderer-server-'));
  await mkdir(path.join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(path.join(root, 'renderer', 'assets', 'app.js'), 'console.log("kiosk")');
  await writeFile(path.join(root, 'secret.txt'), 'outside the renderer');
  await symlink(path.join(root, 'secret.txt'), path.join(root, 'renderer', 'link.txt'));
  const captured = captureLog();
  lines = captured.lines;
  events = [];
  const hub = new BridgeHub((event) => events.push(event), captured.log);
  server = await startRendererServer({ rendererDir: path.join(root, 'renderer'), hub, log: captured.log });
});

afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('renderer server: files', () => {
  it('serves index.html at / with a strict CSP and no caching', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>kiosk</title>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${server.origin.replace('http:', 'ws:')}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves a start page that holds no token and may run no script', async () => {
    expect(server.startUrl.startsWith(server.origin)).toBe(true);
    expect(server.startUrl).not.toContain('token');
    const response = await get(new URL(server.startUrl).pathname);
    expect(response.status).toBe(200);
    expect(response.body).not.toContain('<script');
    expect(String(response.headers['content-security-policy'])).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('serves assets with their MIME type', async () => {
    const response = await get('/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each(['/../package.json', '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt', '/missing.js', '/assets'])(
    'answers 404 for %s, which is not a file inside the renderer folder',
    async (rawPath) => {
      const response = await get(rawPath);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    },
  );

  it('refuses a request for another host name (DNS rebinding)', async () => {
    expect((await get('/', { Host: 'attacker.example:80' })).status).toBe(403);
  });
});

describe('renderer server: bridge socket', () => {
  it('accepts the launch token from our own origin and passes events to the hub', async () => {
    const { socket } = await connect(bridgeUrl());
    socket!.send(JSON.stringify({ type: 'VIEW.PAINTED', screen: 'attract' }));
    await expect.poll(() => events).toEqual([{ type: 'VIEW.PAINTED', screen: 'attract' }]);
    socket!.close();
  });

  it('answers a frame that is not JSON with a rejection from the hub', async () => {
    const { socket } = await connect(bridgeUrl());
    const reply = nextMessage(socket!);
    socket!.send('{not json');
    expect(await reply).toMatchObject({ type: 'rejected' });
    expect(events).toEqual([]);
    expect(lines.some((line) => line.msg === 'rejected a malformed bridge message')).toBe(true);
    socket!.close();
  });

  it('refuses a wrong or missing token with 401', async () => {
    expect(await connect(bridgeUrl('?token=wrong'))).toEqual({ refusedWith: 401 });
    expect(await connect(bridgeUrl(''))).toEqual({ refusedWith: 401 });
  });

  it('refuses the right token from a foreign origin with 403', async () => {
    expect(await connect(bridgeUrl(), 'http://attacker.example')).toEqual({ refusedWith: 403 });
    expect(lines.some((line) => line.msg === 'refused a bridge socket' && line.status === 403)).toBe(true);
  });

  it('refuses a socket on any other path', async () => {
    const url = `${server.origin.replace('http:', 'ws:')}/other?token=${token()}`;
    expect(await connect(url)).toEqual({ refusedWith: 404 });
  });

  it('closes the sockets and detaches the views when the server closes', async () => {
    const { socket } = await connect(bridgeUrl());
    const closed = new Promise((resolve) => socket!.once('close', resolve));
    await server.close();
    await closed;
    expect(lines.some((line) => line.msg === 'view detached')).toBe(true);
  });
});
