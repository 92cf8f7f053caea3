/// <reference lib="dom" />
import { connect } from 'node:net';
import type { Page } from '@playwright/test';
import { floodFor, sampleRss } from '../support/bridge-flood';
import type { RawBridgeTarget } from '../support/raw-bridge-client';
import { acceptNotice, expect, onScreen, test } from './fixtures';

// The attacks of the "hardening" issue, run against the real host: clients with the launch token that
// flood the bridge and never read, and a kiosk page that blocks its own main thread.

/** How far above its start the host's resident memory may go under any of these loads. */
const RSS_BOUND_MB = 100;
const FLOOD_SECONDS = 30;

test.describe.configure({ timeout: 120_000 });

test('the upgrade request that used to kill the host (GET //[) is answered, and the kiosk keeps working', async ({ kioskPage, kiosk }) => {
  const { hostname, port } = new URL(kioskPage.url());
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(
      `GET //[ HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
      + 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'));
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('close', () => resolve(text.split('\r\n')[0]!));
  });
  expect(answer).toBe('HTTP/1.1 400 Bad Request');
  await onScreen(kioskPage, 'attract').click();
  await expect(onScreen(kioskPage, 'language')).toBeVisible();
  expect(kiosk.process.exitCode).toBe(null);
});

test(`a ${FLOOD_SECONDS} s flood from clients that never read keeps the host within ${RSS_BOUND_MB} MB of its start, and a real tap still works`, async ({ kioskPage, kiosk }) => {
  await onScreen(kioskPage, 'attract').click();
  await expect(onScreen(kioskPage, 'language')).toBeVisible();
  const target = await bridgeTarget(kioskPage);
  const memory = sampleRss(kiosk.process.pid!);

  // During a visit, every activity report used to publish a whole snapshot to every view.
  const flood = floodFor(FLOOD_SECONDS * 1000, target, [
    '{"type":"USER.ACTIVITY"}', '{"type":"VIEW.PAINTED","screen":"language"}', '{not json', '{"type":"ADMIN.EXIT"}',
    '{"type":"DEVICE.MEASURED","measurement":{"kind":"thermometer","celsius":41,"site":null,"takenAt":null}}',
  ]);
  await new Promise((resolve) => setTimeout(resolve, (FLOOD_SECONDS - 5) * 1000));
  // A person taps while the flood goes on: the kiosk answers.
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await acceptNotice(kioskPage);
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  const { connections, frames } = await flood;
  const { startMb, peakMb } = memory.stop();

  test.info().annotations.push({ type: 'figures', description: `${connections} connections, ${frames} frames; host RSS ${startMb} MB → peak ${peakMb} MB` });
  console.log(`flood: ${connections} connections, ${frames} frames; host RSS ${startMb} MB at start, ${peakMb} MB at peak`);
  expect(frames).toBeGreaterThan(10_000);
  expect(peakMb - startMb).toBeLessThan(RSS_BOUND_MB);
  expect(kiosk.lines.some((l) => l.msg === 'closed a bridge socket' && l.reason === 'too many messages')).toBe(true);
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
});

test('a kiosk page that blocks its own main thread costs the host no memory, and SIGTERM still stops the host at once', async ({ kioskPage, kiosk }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kioskPage);
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  const target = await bridgeTarget(kioskPage);
  const memory = sampleRss(kiosk.process.pid!);

  // The page stops reading its socket for 20 s, while the idle countdown and a flood go on.
  const blocked = kioskPage.evaluate(() => { const end = Date.now() + 20_000; while (Date.now() < end); }).catch(() => undefined);
  await floodFor(15_000, target, ['{"type":"USER.ACTIVITY"}', '{not json', '{"type":"END.DISMISS","x":1}']);
  const { startMb, peakMb } = memory.stop();
  console.log(`blocked page: host RSS ${startMb} MB at start, ${peakMb} MB at peak`);
  expect(peakMb - startMb).toBeLessThan(RSS_BOUND_MB);

  const asked = Date.now();
  const code = await kiosk.stop(); // the page is still blocked
  console.log(`SIGTERM to exit with a blocked page: ${Date.now() - asked} ms`);
  expect(code).toBe(0);
  await blocked;
});

/** The launch token and origin, as a script in the kiosk page (or anyone reading its memory) has them. */
async function bridgeTarget(page: Page): Promise<RawBridgeTarget> {
  const token = await page.evaluate(() => (window as unknown as { borneLaunchToken: string }).borneLaunchToken);
  return { origin: new URL(page.url()).origin, token };
}
