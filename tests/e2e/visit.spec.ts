import { expect, onScreen, test } from './fixtures';

test('a visit goes attract → language → home, and inactivity brings the kiosk back to attract', async ({ screen, kiosk }) => {
  await expect(onScreen(screen, 'attract')).toBeVisible();
  await onScreen(screen, 'attract').click();

  await expect(onScreen(screen, 'language')).toBeVisible();
  await screen.getByRole('button', { name: 'English' }).click();

  await expect(onScreen(screen, 'home')).toBeVisible();
  await expect(screen.locator('html')).toHaveAttribute('lang', 'en');

  // The test profile warns after 5 s without a touch and counts down 3 s.
  const warning = screen.getByRole('alertdialog');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect(warning).toContainText(/[1-3]/);
  await expect(onScreen(screen, 'end')).toBeVisible({ timeout: 10_000 });
  await expect(onScreen(screen, 'attract')).toBeVisible({ timeout: 10_000 });
  await expect(screen.locator('html')).toHaveAttribute('lang', 'fr');
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
});

test('answering the inactivity warning keeps the visit going', async ({ screen }) => {
  await onScreen(screen, 'attract').click();
  await screen.getByRole('button', { name: 'Français' }).click();
  const warning = screen.getByRole('alertdialog');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await warning.getByRole('button').click();
  await expect(warning).toBeHidden();
  await expect(onScreen(screen, 'home')).toBeVisible();
});

test('the person can finish the visit, and the end screen leads to a wiped attract screen', async ({ screen, kiosk }) => {
  await onScreen(screen, 'attract').click();
  await screen.getByRole('button', { name: 'Français' }).click();
  await screen.getByRole('button', { name: /terminé/i }).click();
  await expect(onScreen(screen, 'end')).toBeVisible();
  await onScreen(screen, 'end').click();
  await expect(onScreen(screen, 'attract')).toBeVisible();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
});

test('a forged message from the page is rejected by the host and acted on by nobody', async ({ screen, kiosk }) => {
  // A page script cannot reach the host other than through the bridge: try a device event.
  const reply = await screen.evaluate(async () => {
    const token = new URLSearchParams(location.hash.slice(1)).get('token');
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
  await expect(onScreen(screen, 'attract')).toBeVisible();
});
