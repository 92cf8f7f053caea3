/// <reference lib="dom" />
import { expect, onScreen, test } from './fixtures';

test('a visit goes attract → language → home, and inactivity brings the kiosk back to attract', async ({ kioskPage, kiosk }) => {
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
  await onScreen(kioskPage, 'attract').click();

  await expect(onScreen(kioskPage, 'language')).toBeVisible();
  await kioskPage.getByRole('button', { name: 'English' }).click();

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
  const warning = kioskPage.getByRole('alertdialog');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await warning.getByRole('button').click();
  await expect(warning).toBeHidden();
  await expect(onScreen(kioskPage, 'home')).toBeVisible();
});

test('the person can finish the visit, and the end screen leads to a wiped attract screen', async ({ kioskPage, kiosk }) => {
  await onScreen(kioskPage, 'attract').click();
  await kioskPage.getByRole('button', { name: 'Français' }).click();
  await kioskPage.getByRole('button', { name: /terminé/i }).click();
  await expect(onScreen(kioskPage, 'end')).toBeVisible();
  await onScreen(kioskPage, 'end').click();
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
});

test('a forged message from the page is rejected by the host and acted on by nobody', async ({ kioskPage, kiosk }) => {
  // A page script cannot reach the host other than through the bridge: try a device event.
  const reply = await kioskPage.evaluate(async () => {
    const token = (window as unknown as { borneLaunchToken: string }).borneLaunchToken;
    const socket = new WebSocket(`ws://${location.host}/bridge?token=${token}`);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const answer = new Promise<string>((resolve) => socket.addEventListener('message', (m) => {
      if (String(m.data).includes('rejected')) resolve(String(m.data));
    }));
    socket.send(JSON.stringify({ type: 'DEVICE.TEMPERATURE_MEASURED', measurement: { celsius: 41, site: null, takenAt: null } }));
    return answer;
  });
  expect(JSON.parse(reply)).toMatchObject({ type: 'rejected' });
  await kiosk.waitForLog((l) => l.msg === 'rejected a malformed bridge message');
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
});

test('the kiosk window covers the whole screen, with no browser bars', async ({ kioskPage }) => {
  const glass = await kioskPage.evaluate(() => ({
    viewport: [innerWidth, innerHeight], screen: [screen.width, screen.height],
  }));
  // On a bare X server (no window manager grants fullscreen) Chromium clamps a window one pixel short
  // of the screen; under cage or a window manager it is exact. Browser bars would take ~90 px.
  glass.viewport.forEach((size, axis) => expect(glass.screen[axis]! - size).toBeLessThanOrEqual(1));
});
