/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, test } from './fixtures';

test('a visit goes attract → language → home, and inactivity brings the kiosk back to attract', async ({ kioskPage, kiosk }) => {
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
  await onScreen(kioskPage, 'attract').click();

  await expect(onScreen(kioskPage, 'language')).toBeVisible();
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await acceptNotice(kioskPage);

  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  await expect(kioskPage.locator('html')).toHaveAttribute('lang', 'en');

  // The test profile warns after 5 s without a touch and counts down 3 s.
  const warning = kioskPage.getByRole('alertdialog');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect(warning).toContainText(/[1-3]/);
  await expect(onScreen(kioskPage, 'end')).toBeVisible({ timeout: 10_000 });
  await expect(onScreen(kioskPage, 'attract')).toBeVisible({ timeout: 10_000 });
  await expect(kioskPage.locator('html')).toHaveAttribute('lang', 'fr');
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
});

test('answering the inactivity warning keeps the visit going', async ({ kioskPage }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kioskPage);
  const warning = kioskPage.getByRole('alertdialog');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await warning.getByRole('button').click();
  await expect(warning).toBeHidden();
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
});

test('the person can finish the visit, and the end screen leads to a wiped attract screen', async ({ kioskPage, kiosk }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kioskPage);
  await kioskPage.getByRole('button', { name: /terminé/i }).click();
  await expect(onScreen(kioskPage, 'end')).toBeVisible();
  await onScreen(kioskPage, 'end').click();
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
});

// The kiosk has a thermometer that is ready and silent (its simulator's first reading is an hour away),
// so the home screen's card would show any reading that got into the visit, and none comes by itself.
const withSilentThermometer = test.extend({
  kioskProfile: async ({}, use) => {
    const links = mkdtempSync(path.join(tmpdir(), 'borne-e2e-forgery-'));
    const profile = writeProfile({
      kiosk: { id: 'e2e-forgery', name: 'Forgery test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      // Long enough that the idle warning never covers the screen during the test.
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      devices: {
        thermometer: {
          serial: { path: path.join(links, 'thermometer'), baudRate: 9600 },
          simulator: { everySeconds: 3600, celsius: 36.8 },
        },
      },
    });
    await use(profile);
    removeProfile(profile);
    rmSync(links, { recursive: true, force: true });
  },
});

withSilentThermometer('a forged reading from the page is rejected by the host and acted on by nobody', async ({ kioskPage, kiosk }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(kioskPage);
  const card = kioskPage.getByRole('region', { name: 'Thermomètre' });
  await expect(card).toContainText('Prêt');
  await expect(card).toContainText('Prenez votre température avec le thermomètre.');

  // A page script cannot reach the host other than through the bridge: it forges what a thermometer
  // would report, a plausible fever, in the very shape the session machine takes from the device manager.
  const forged = { type: 'DEVICE.MEASURED', measurement: { kind: 'thermometer', celsius: 38.5, site: 'finger', takenAt: null } };
  const reply = await kioskPage.evaluate(async (message) => {
    const token = (window as unknown as { borneLaunchToken: string }).borneLaunchToken;
    const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const answer = new Promise<string | null>((resolve) => {
      socket.addEventListener('message', (m) => {
        if (String(m.data).includes('"rejected"')) resolve(String(m.data));
      });
      // An accepted forgery gets no answer: say so as a value, so the assertion below is what fails.
      setTimeout(() => resolve(null), 5_000);
    });
    socket.send(JSON.stringify(message));
    const text = await answer;
    socket.close();
    return text;
  }, forged);
  expect(reply && JSON.parse(reply)).toMatchObject({ type: 'rejected', reason: expect.stringContaining('type') });
  await kiosk.waitForLog((l) => l.msg === 'rejected a malformed bridge message' && String(l.raw).includes('38.5'));

  // The host's truth, after the forgery: a view that attaches now is sent the latest snapshot at once.
  const latest = await kioskPage.evaluate(async () => {
    const token = (window as unknown as { borneLaunchToken: string }).borneLaunchToken;
    const bridge = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
    const first = await new Promise<string>((resolve) => bridge.addEventListener('message', (m) => resolve(String(m.data)), { once: true }));
    bridge.close();
    return JSON.parse(first) as unknown;
  });
  expect(latest).toMatchObject({
    type: 'snapshot',
    snapshot: { screen: 'home', measurements: {}, measuring: null, devices: { thermometer: { state: 'ready' } } },
  });

  // And the screen, which had every snapshot before that one: still waiting, no reading of any kind.
  await expect(card).toContainText('Prenez votre température avec le thermomètre.');
  const screenText = await kioskPage.locator('body').innerText();
  expect(screenText).not.toContain('38,5');
  expect(screenText).not.toMatch(/°C/);
});

test('the kiosk window covers the whole screen, with no browser bars', async ({ kioskPage }) => {
  const glass = await kioskPage.evaluate(() => ({
    viewport: [innerWidth, innerHeight], screen: [screen.width, screen.height],
  }));
  // On a bare X server (no window manager grants fullscreen) Chromium clamps a window one pixel short
  // of the screen; under cage or a window manager it is exact. Browser bars would take ~90 px.
  glass.viewport.forEach((size, axis) => expect(glass.screen[axis]! - size).toBeLessThanOrEqual(1));
});
