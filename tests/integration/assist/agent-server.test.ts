import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AgentMessage } from '../../../common/assist';
import { AssistConfigSchema } from '../../../kiosk-config/assist-schema';
import { badgeHashOf } from '../../../devices/codecs/badge-token';
import { startAssistedMode, type AssistedMode } from '../../../main/assist/assisted-mode';
import { sessionMachine } from '../../../main/session/machine';
import { TEST_AGENTS, TEST_ASSIST } from '../../support/assist-profile';
import { captureLog } from '../../support/capture-log';
import { openRawBridgeClient } from '../../support/raw-bridge-client';
import { startSimulatedKiosk } from '../../unit/main/session/simulated-kiosk';

const cleanups: Array<() => unknown> = [];
afterEach(async () => { for (const undo of cleanups.splice(0).reverse()) await undo(); });

/** The agent server as the host starts it, on a free loopback port, over the real session machine. */
async function startServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'borne-agent-server-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'agent.html'), '<!doctype html><title>agent page</title>');
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk page</title>');
  writeFileSync(path.join(rendererDir, 'mirror.html'), '<!doctype html><title>mirror page</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'agent.js'), '// the page');
  const kiosk = startSimulatedKiosk(sessionMachine, { assisted: true });
  const clock = { now: Date.now() };
  const { log, lines } = captureLog();
  const mode: AssistedMode = await startAssistedMode({
    config: AssistConfigSchema.parse({ ...TEST_ASSIST, sessionMinutes: 30, agents: TEST_ASSIST.agents.map((agent) => ({ ...agent, badgeHash: badgeHashOf(BADGES[agent.id as keyof typeof BADGES]) })) }), session: kiosk.actor, siteMayOpen: () => ({ allow: false, reason: 'none' }),
    rendererDir, stateDir: path.join(dir, 'state'), log, now: () => clock.now,
    limits: { burstMessages: 20, messagesPerSecond: 10, maxBufferedBytes: 64 * 1024, heartbeatMs: 500 },
  });
  cleanups.push(() => mode.stop());
  const origin = mode.origin;
  const host = new URL(origin).host;

  /** One HTTP request with exactly these headers (fetch would add an Origin of its own on POST, or none). */
  const send = (method: string, url: string, { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = httpRequest(`${origin}${url}`, { method, headers: { Host: host, ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const login = (agent: string, pin: string, headers: Record<string, string> = { Origin: origin }) =>
    send('POST', '/login', { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ agent, pin }) });
  const cookieOf = (answer: { headers: Record<string, unknown> }) => String((answer.headers['set-cookie'] as string[])[0]).split(';')[0]!;
  /** A socket as the agent page opens it; resolves with its messages as they come, and how it ended. */
  const socket = (cookie: string | null, { origin: from = origin, path: at = '/socket' } = {}) => {
    const messages: AgentMessage[] = [];
    const ws = new WebSocket(`ws://${host}${at}`, { headers: { Origin: from, ...(cookie ? { Cookie: cookie } : {}) } });
    const opened = new Promise<number>((resolve) => {
      ws.once('open', () => resolve(101));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode!));
      ws.once('error', () => resolve(0));
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    cleanups.push(() => ws.terminate());
    return { ws, messages, opened, closed };
  };
  const until = async (check: () => boolean) => { while (!check()) await new Promise((r) => setTimeout(r, 20)); };
  return { kiosk, mode, origin, host, send, login, cookieOf, socket, until, clock, lines };
}

/** The agents' badges as the reader hands them over (made-up ids). */
const BADGES = { marie: 'badge:0451A2B7', karim: 'badge:09C3D2E1' };
const MARIE_BADGE = BADGES.marie;

describe('the agent server', () => {
  it('serves the agent page and its assets only, to its own Host', async () => {
    const { send } = await startServer();
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('agent page');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const mirror = await send('GET', '/mirror');
    expect(mirror.body).toContain('mirror page');
    // The mirror may be framed by the agent page (same origin) only, and opens no socket of its own.
    expect(mirror.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(mirror.headers['content-security-policy']).toContain("connect-src 'none'");
    expect((await send('GET', '/assets/agent.js')).status).toBe(200);
    for (const url of ['/index.html', '/agent.html', '/mirror.html', '/assets/../index.html', '/%2e%2e/%2e%2e/etc/passwd']) expect((await send('GET', url)).status, url).toBe(404);
    expect((await send('GET', '/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await send('DELETE', '/')).status).toBe(405);
  });

  it('logs an agent in with the right PIN only: an HttpOnly, SameSite=Strict cookie, counted wrong tries, then the lock', async () => {
    const { login, send, origin } = await startServer();
    const wrong = await login('marie', '0000');
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toEqual({ verdict: 'wrong', attemptsLeft: 4 });
    const right = await login('marie', TEST_AGENTS.marie.pin);
    expect(right.status).toBe(200);
    expect(JSON.parse(right.body)).toEqual({ verdict: 'accepted', name: 'Marie' });
    expect(right.headers['set-cookie']).toEqual([expect.stringMatching(/^borne_agent=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=1800$/)]);
    for (let i = 0; i < 4; i++) await login('karim', '1111');
    const locked = await login('karim', '1111');
    expect(locked.status).toBe(423);
    expect(JSON.parse(locked.body)).toEqual({ verdict: 'locked', minutesLeft: 1 });
    expect((await login('karim', TEST_AGENTS.karim.pin)).status).toBe(423);
    // Malformed logins are refused before anything is checked (they count for nothing).
    const post = (body: string, headers: Record<string, string> = {}) => send('POST', '/login', { headers: { Origin: origin, ...headers }, body });
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ agent: 'marie', pin: '12' }))).status).toBe(400);
    expect((await post(JSON.stringify({ agent: 'marie', pin: '1357', extra: true }))).status).toBe(400);
    expect((await post(JSON.stringify({ agent: 'x'.repeat(5000), pin: '1357' }))).status).toBe(413);
  });

  it('refuses a login from another origin or without one (CSRF), and from another Host (DNS rebinding)', async () => {
    const { login } = await startServer();
    expect((await login('marie', TEST_AGENTS.marie.pin, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await login('marie', TEST_AGENTS.marie.pin, {})).status).toBe(403);
    expect((await login('marie', TEST_AGENTS.marie.pin, { Host: 'evil.example:80' })).status).toBe(403);
  });

  it('opens the mirror\'s socket only with a live session, from its own origin, on its path', async () => {
    const { login, cookieOf, socket, until, clock } = await startServer();
    const cookie = cookieOf(await login('marie', TEST_AGENTS.marie.pin));
    expect(await socket(null).opened).toBe(401);
    expect(await socket('borne_agent=forged').opened).toBe(401);
    expect(await socket(cookie, { origin: 'http://evil.example' }).opened).toBe(403);
    expect(await socket(cookie, { path: '/bridge' }).opened).toBe(404);
    const good = socket(cookie);
    expect(await good.opened).toBe(101);
    await until(() => good.messages.length > 0);
    expect(good.messages[0]).toMatchObject({ type: 'mirror', agent: { id: 'marie' }, snapshot: { screen: 'attract' } });
    // Past the session's end the cookie opens nothing, and the open page is closed.
    clock.now += 31 * 60_000;
    expect(await socket(cookie).opened).toBe(401);
    expect(await good.closed).toBe(4001);
  });

  it('ends the session at logout: the cookie is cleared, the page closed, and the cookie opens nothing after', async () => {
    const { login, cookieOf, socket, send, origin, until } = await startServer();
    const cookie = cookieOf(await login('marie', TEST_AGENTS.marie.pin));
    const page = socket(cookie);
    await until(() => page.messages.length > 0);
    expect((await send('GET', '/me', { headers: { Cookie: cookie } })).status).toBe(200);
    const out = await send('POST', '/logout', { headers: { Origin: origin, Cookie: cookie } });
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toEqual([expect.stringContaining('Max-Age=0')]);
    expect(await page.closed).toBe(4000);
    expect((await send('GET', '/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect(await socket(cookie).opened).toBe(401);
  });

  it('answers malformed commands with a rejection, closes a socket that floods or sends an oversized frame', async () => {
    const { login, cookieOf, socket, until } = await startServer();
    const cookie = cookieOf(await login('marie', TEST_AGENTS.marie.pin));
    const page = socket(cookie);
    await until(() => page.messages.length > 0);
    page.ws.send('not json');
    page.ws.send(JSON.stringify({ type: 'STEP.PUSH', event: { type: 'ADMIN.OPEN' } }));
    // A rejection waits for nobody (the bridge's rule): at least the first one arrives, and nothing was done.
    await until(() => page.messages.some((m) => m.type === 'rejected'));
    const big = socket(cookie);
    await big.opened;
    big.ws.send('x'.repeat(17 * 1024));
    expect(await big.closed).toBe(1009);
    const flood = socket(cookie);
    await flood.opened;
    for (let i = 0; i < 200; i++) flood.ws.send(JSON.stringify({ type: 'HAND.GIVE_BACK' }));
    expect(await flood.closed).toBe(1008);
  });

  it('closes a page that never reads, and the kiosk carries on', async () => {
    const { login, cookieOf, origin, kiosk, until, lines } = await startServer();
    const cookie = cookieOf(await login('marie', TEST_AGENTS.marie.pin));
    const silent = await openRawBridgeClient({ origin, token: '' }, { path: '/socket', headers: [`Cookie: ${cookie}`] });
    // The visit moves on meanwhile: each change is a mirror the page never takes.
    kiosk.actor.send({ type: 'SESSION.START' });
    kiosk.actor.send({ type: 'LANGUAGE.CHOOSE', language: 'en' });
    kiosk.actor.send({ type: 'CONSENT.ACCEPT' });
    await until(() => lines.some((l) => l.msg === 'agent page detached'));
    silent.socket.destroy();
    expect(kiosk.view().screen).toBe('home');
  });

  it('lets an agent badge at the kiosk to start a visit or take the hand of one, and badge again to give it back; a stranger\'s badge counts as a wrong try', async () => {
    const { kiosk, mode, lines } = await startServer();
    expect(await mode.badgeRead(MARIE_BADGE)).toBe('started');
    expect(kiosk.view()).toMatchObject({ screen: 'language', assist: { hand: 'agent', agentName: 'Marie' } });
    expect(await mode.badgeRead(MARIE_BADGE)).toBe('gave-back');
    expect(await mode.badgeRead(MARIE_BADGE)).toBe('took');
    expect(kiosk.view().assist).toMatchObject({ hand: 'agent', agentName: 'Marie' });
    // Karim cannot take it from her: she gives it back first.
    expect(await mode.badgeRead(BADGES.karim)).toBe('not-now');
    expect(kiosk.view().assist).toMatchObject({ hand: 'agent', agentName: 'Marie' });
    expect(mode.citizenMaySend({ type: 'LANGUAGE.CHOOSE', language: 'fr' })).toBe(false);
    expect(await mode.badgeRead(MARIE_BADGE)).toBe('gave-back');
    expect(kiosk.view().assist).toMatchObject({ hand: 'citizen' });
    expect(await mode.badgeRead('badge:00000000')).toBe('wrong');
    expect(kiosk.view().assist).toMatchObject({ hand: 'citizen' });
    // The journal says a badge logged Marie in; no line anywhere holds a badge's id.
    expect(lines.some((line) => line.event === 'agent-login' && line.by === 'badge' && line.agent === 'marie')).toBe(true);
    expect(JSON.stringify(lines)).not.toMatch(/0451A2B7|00000000/);
  });
});
