import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_WEBSOCKET_PATH, type RendererEvent } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';
import { BridgeHub } from '../../../main/bridge/hub';
import { DEFAULT_CONNECTION_LIMITS, type BridgeConnectionLimits } from '../../../main/shells/chromium/bridge-connection';
import { startRendererServer, type RendererServer } from '../../../main/shells/chromium/renderer-server';
import { captureLog } from '../../support/capture-log';
import { openRawBridgeClient } from '../../support/raw-bridge-client';

// What a local program (or a page with the token) can throw at the renderer port. Whatever it sends,
// the answer is a status or a close code, and the server goes on serving the kiosk.

let root: string;
let server: RendererServer;
let hub: BridgeHub;
let events: RendererEvent[];

async function start(limits: Partial<BridgeConnectionLimits> = {}) {
  root = await mkdtemp(path.join(tmpdir(), 'borne-bridge-abuse-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  const { log } = captureLog();
  events = [];
  hub = new BridgeHub((event) => events.push(event), log);
  server = await startRendererServer({ rendererDir: root, hub, log, bridgeLimits: { ...DEFAULT_CONNECTION_LIMITS, ...limits } });
}

beforeEach(async () => start());
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const target = () => ({ origin: server.origin, token: server.launchToken });
const hostHeader = () => new URL(server.origin).host;

/** Writes `raw` on a fresh connection; resolves with the status line the server answered, or '' if it just closed. */
function exchange(raw: string | Buffer, { reset = false } = {}): Promise<string> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('error', () => {});
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.once('connect', () => {
      socket.write(raw);
      if (reset) socket.resetAndDestroy();
      else setTimeout(() => socket.end(), 300);
    });
  });
}

async function stillServes(): Promise<void> {
  const response = await fetch(`${server.origin}/`);
  expect(response.status).toBe(200);
  const socket = new WebSocket(`${server.origin.replace('http', 'ws')}${BRIDGE_WEBSOCKET_PATH}?token=${server.launchToken}`, { origin: server.origin });
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  socket.close();
}

const WEIRD_TARGETS = [
  '//[', '/bridge/../[', 'http://[::1', '/%zz', '/%00', '/bridge?token=%ZZ', '*', '/' + 'a'.repeat(70_000),
  '/bridge?token=' + '%'.repeat(500), '\\\\evil', '/bridge#frag', '//host:99999/', '/\u00ff\u00fe', '/bridge?token=x&token=y',
  '/bridge?token=\u0000', '/../../../../etc/passwd',
];
const HOSTS = (good: string) => [`Host: ${good}`, 'Host: attacker.example', 'Host: [::', '', `Host: ${good}\r\nHost: other`];
const UPGRADES = [
  '', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Upgrade: websocket\r\nConnection: Upgrade', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\nSec-WebSocket-Key: x',
];

describe('the renderer port under malformed requests', () => {
  it('answers hundreds of malformed request lines, URLs, headers and upgrades with 4xx or a close, and keeps serving', async () => {
    const requests: string[] = [];
    for (const url of WEIRD_TARGETS) {
      for (const host of HOSTS(hostHeader())) {
        for (const upgrade of UPGRADES) requests.push(`GET ${url} HTTP/1.1\r\n${[host, upgrade].filter(Boolean).join('\r\n')}\r\n\r\n`);
      }
    }
    requests.push(
      'GET //[ HTTP/1.1\r\n\r\n', 'GARBAGE\r\n\r\n', '\u0000\u0001\u0002\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ${hostHeader()}\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${hostHeader()}\r\nBad Header\r\n\r\n`,
      `POST / HTTP/1.1\r\nHost: ${hostHeader()}\r\nContent-Length: -1\r\n\r\n`,
      `POST / HTTP/1.1\r\nHost: ${hostHeader()}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: ${hostHeader()}\r\n\r\n`,
    );
    expect(requests.length).toBeGreaterThan(300);

    const answers: string[] = [];
    for (let i = 0; i < requests.length; i += 25) {
      answers.push(...await Promise.all(requests.slice(i, i + 25).map((raw) => exchange(raw))));
    }
    for (const answer of answers) {
      // A refusal, or a plain file answer for the few that are merely odd; never a server error.
      if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 (200|4\d\d) /);
    }
    expect(answers.filter((answer) => answer.startsWith('HTTP/1.1 4')).length).toBeGreaterThan(250);
    await stillServes();
  });

  it('survives clients that reset the connection in the middle of an upgrade', async () => {
    const upgrade = `GET //[ HTTP/1.1\r\nHost: ${hostHeader()}\r\n${UPGRADES[1]}\r\n\r\n`;
    await Promise.all(Array.from({ length: 100 }, () => exchange(upgrade, { reset: true })));
    await stillServes();
  });

  it('refuses an upgrade that names another host, as plain requests are (DNS rebinding)', async () => {
    const answer = await exchange(`GET /bridge?token=${server.launchToken} HTTP/1.1\r\nHost: attacker.example\r\nOrigin: ${server.origin}\r\n${UPGRADES[1]}\r\n\r\n`);
    expect(answer).toBe('HTTP/1.1 403 Forbidden');
  });

  it('closes a socket that sends malformed frames, and keeps serving', async () => {
    const frames = [
      Buffer.from([0x83, 0x80, 0, 0, 0, 0]), // reserved opcode
      Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked client frame
      Buffer.from([0x81, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]), // 2^63-byte length
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]), // invalid UTF-8 in a text frame
      Buffer.from([0xf1, 0x80, 0, 0, 0, 0]), // reserved bits set
    ];
    for (const frame of frames) {
      const client = await openRawBridgeClient(target(), { read: true });
      client.socket.write(frame);
      const code = await client.closed;
      expect(code === null || (code >= 1002 && code <= 1009)).toBe(true);
    }
    const big = await openRawBridgeClient(target(), { read: true });
    big.sendText(JSON.stringify({ type: 'USER.ACTIVITY', pad: 'x'.repeat(100_000) }));
    expect(await big.closed).toBe(1009); // message too big
    expect(events).toEqual([]);
    await stillServes();
  });
});

describe('a bridge socket that floods or does not read', () => {
  it('is closed with 1008 when it sends faster than a kiosk page ever would, and most of its messages never reach the host', async () => {
    const client = await openRawBridgeClient(target(), { read: true });
    for (let i = 0; i < 2_000; i++) client.sendText('{"type":"VIEW.PAINTED","screen":"attract"}');
    expect(await client.closed).toBe(1008);
    expect(events.length).toBeLessThanOrEqual(DEFAULT_CONNECTION_LIMITS.burstMessages + 5);
    await stillServes();
  });

  it('gets only the latest snapshot when it falls behind, never a queue of them', async () => {
    const socket = new WebSocket(`${server.origin.replace('http', 'ws')}${BRIDGE_WEBSOCKET_PATH}?token=${server.launchToken}`, { origin: server.origin });
    await new Promise((resolve) => socket.once('open', resolve));
    const received: SessionSnapshot[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data)).snapshot));
    for (let secondsLeft = 0; secondsLeft < 10_000; secondsLeft++) hub.publish(snapshotWith(secondsLeft));
    await expect.poll(() => received.at(-1)?.idleWarning?.secondsLeft).toBe(9_999);
    expect(received.length).toBeLessThanOrEqual(3);
    socket.close();
  });

  it('is closed when it stops answering pings (a client that never reads), while a live page is kept', async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
    await start({ heartbeatMs: 200 });
    const silent = await openRawBridgeClient(target());
    const live = new WebSocket(`${server.origin.replace('http', 'ws')}${BRIDGE_WEBSOCKET_PATH}?token=${server.launchToken}`, { origin: server.origin });
    await new Promise((resolve) => live.once('open', resolve));
    expect(hub.viewCount).toBe(2);
    // The silent client never reads, so it cannot notice being dropped: the host's side tells.
    await expect.poll(() => hub.viewCount, { timeout: 5_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(live.readyState).toBe(WebSocket.OPEN);
    live.close();
    silent.socket.destroy();
  });

  it('refuses sockets beyond a handful with 503, so a local program cannot exhaust the host', async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, () => openRawBridgeClient(target(), { read: true })));
    await expect(openRawBridgeClient(target())).rejects.toThrow('503 Service Unavailable');
    for (const client of clients) client.socket.destroy();
    await expect.poll(() => hub.viewCount).toBe(0);
    await stillServes();
  });
});

function snapshotWith(secondsLeft: number): SessionSnapshot {
  return {
    screen: 'home', language: 'fr', offeredLanguages: ['fr'], display: { textSize: 100, contrast: 'standard' }, idleWarning: { secondsLeft }, measurements: {}, measuring: null, devices: {}, deviceHealth: {}, testAutomation: false, admin: null, siteTiles: [], site: null, catalog: { groups: [] }, procedure: null, satisfaction: null, memoPrint: null, assist: null,
  };
}
