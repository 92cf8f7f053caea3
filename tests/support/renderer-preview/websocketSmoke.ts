/**
 * Checks the Chromium-shell transport end to end: the built renderer finds the launch token the shell defines,
 * opens the loopback WebSocket, draws what a stand-in host sends, sends events back, and comes back
 * on its own after the host drops the socket. Run: npx tsx tests/support/renderer-preview/websocketSmoke.ts
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_WEBSOCKET_PATH, LAUNCH_TOKEN_GLOBAL, type RendererEvent } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';
import { buildRenderer, launchChromium } from './preview';
import { attractSnapshot, homeWithReadingSnapshot, languageSnapshot } from './snapshots';
import { serveFolder } from './staticServer';

const TOKEN = 'preview-token';
const { server, origin } = await serveFolder(buildRenderer());

// A stand-in host: answers the visit's first events the way the session machine would.
let current: SessionSnapshot = attractSnapshot;
const received: RendererEvent[] = [];
const sockets = new Set<WebSocket>();
const bridge = new WebSocketServer({
  server,
  path: BRIDGE_WEBSOCKET_PATH,
  verifyClient: ({ req }: { req: IncomingMessage }) => new URL(req.url ?? '', origin).searchParams.get('token') === TOKEN,
});
const publish = (snapshot: SessionSnapshot) => {
  current = snapshot;
  for (const socket of sockets) socket.send(JSON.stringify({ type: 'snapshot', snapshot }));
};
bridge.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.send(JSON.stringify({ type: 'snapshot', snapshot: current }));
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as RendererEvent;
    received.push(event);
    if (event.type === 'SESSION.START') publish(languageSnapshot);
    if (event.type === 'LANGUAGE.CHOOSE') publish({ ...homeWithReadingSnapshot, language: event.language });
  });
});

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.addInitScript(`window.${LAUNCH_TOKEN_GLOBAL} = ${JSON.stringify(TOKEN)}`);
  await page.goto(`${origin}/index.html`);

  await page.locator('[data-screen="attract"]').click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('[data-screen="home"]').getByText('37.6 °C').waitFor();
  assert.equal(await page.evaluate('document.documentElement.lang'), 'en');
  const types = received.map((event) => event.type);
  assert.deepEqual(types.filter((type) => type !== 'USER.ACTIVITY' && type !== 'VIEW.PAINTED'), ['SESSION.START', 'LANGUAGE.CHOOSE']);
  assert.ok(types.includes('USER.ACTIVITY'), 'a touch during the visit reports activity');
  for (const screen of ['attract', 'language', 'home']) {
    assert.ok(received.some((e) => e.type === 'VIEW.PAINTED' && e.screen === screen), `VIEW.PAINTED ${screen}`);
  }

  // The host restarts: the view waits calmly, then reconnects and shows the fresh snapshot.
  for (const socket of sockets) socket.terminate();
  await page.locator('[data-screen="connecting"]').waitFor();
  await page.locator('[data-screen="home"]').waitFor({ timeout: 5_000 });

  for (const socket of sockets) socket.send(JSON.stringify({ type: 'rejected', reason: 'smoke test refusal' }));
  await page.waitForTimeout(200);
  assert.ok(warnings.some((text) => text.includes('smoke test refusal')), 'a refusal shows in the console');
  console.log('websocket transport: ok', types.join(' '));
} finally {
  await browser.close();
  bridge.close();
  server.close();
}
