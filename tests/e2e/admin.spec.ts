/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { removeProfile, writeProfile, type KioskProcess } from '../support/kiosk-process';
import { readTestProfile } from '../support/test-profile';
import { acceptNotice, expect, onScreen, test } from './fixtures';

/** The PIN of the test profile (tests/fixtures/profiles/test.json), as the README says. */
const TEST_PIN = '2468';

/** Five real taps in the top-left corner, in quick succession. */
async function gesture(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.mouse.click(30, 30);
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
}

const pinStatus = (page: Page) => page.locator('[data-pin-status]');
const paintedSince = (kiosk: KioskProcess, from: number) =>
  kiosk.lines.slice(from).filter((l) => l.msg === 'view painted').map((l) => l.screen);

test('an administrator puts the kiosk in maintenance and takes it out again; visitors get nothing meanwhile', async ({ kioskPage: page, kiosk }) => {
  await expect(onScreen(page, 'attract')).toBeVisible();
  const start = kiosk.lines.length;
  await gesture(page);
  await expect(onScreen(page, 'admin-pin')).toBeVisible();
  // The taps on attract opened the PIN screen and started no visit.
  expect(paintedSince(kiosk, start)).not.toContain('language');

  await typePin(page, '1357');
  await expect(pinStatus(page)).toHaveText('Code incorrect. Encore 4 essais.');
  await typePin(page, TEST_PIN);
  await expect(onScreen(page, 'admin-panel')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mode maintenance : désactivé' })).toBeVisible();

  await page.getByRole('button', { name: 'Activer la maintenance' }).click();
  await expect(page.getByRole('heading', { name: 'Mode maintenance : activé' })).toBeVisible();
  await page.getByRole('button', { name: 'Fermer' }).click();
  await expect(onScreen(page, 'out-of-service')).toBeVisible();
  await kiosk.waitForLog((l) => l.msg === 'view painted' && l.screen === 'out-of-service');

  // A visitor's tap: nothing. The next screen the page paints is the PIN screen the gesture asks for.
  const tapped = kiosk.lines.length;
  await page.mouse.click(960, 540);
  await gesture(page);
  await expect(onScreen(page, 'admin-pin')).toBeVisible();
  await kiosk.waitForLog((l) => kiosk.lines.indexOf(l) >= tapped && l.msg === 'view painted' && l.screen === 'admin-pin');
  expect(paintedSince(kiosk, tapped)).toEqual(['admin-pin']);

  await typePin(page, TEST_PIN);
  await expect(page.getByRole('heading', { name: 'Mode maintenance : activé' })).toBeVisible();
  await page.getByRole('button', { name: 'Désactiver la maintenance' }).click();
  await page.getByRole('button', { name: 'Fermer' }).click();
  await expect(onScreen(page, 'attract')).toBeVisible();

  const actions = kiosk.lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('administrator')).map((l) => l.msg);
  expect(actions).toEqual([
    'administrator PIN refused: wrong', 'administrator PIN accepted', 'administrator: maintenance-on',
    'administrator PIN accepted', 'administrator: maintenance-off',
  ]);
  // No log line carries a PIN.
  expect(kiosk.lines.some((l) => 'pin' in l || JSON.stringify(l).includes('"1357"'))).toBe(false);
});

test('five wrong PINs lock the PIN screen; the right one is then refused unchecked', async ({ kioskPage: page, kiosk }) => {
  await expect(onScreen(page, 'attract')).toBeVisible();
  await gesture(page);
  await expect(onScreen(page, 'admin-pin')).toBeVisible();
  for (let i = 1; i <= 4; i++) {
    await typePin(page, '1111');
    await expect(pinStatus(page)).toHaveText(i === 4 ? 'Code incorrect. Encore 1 essai.' : `Code incorrect. Encore ${5 - i} essais.`);
  }
  await typePin(page, '1111');
  await expect(pinStatus(page)).toHaveText("Trop d'essais. Réessayez dans 1 minute.");
  await typePin(page, TEST_PIN);
  await kiosk.waitForLog((l) => l.msg === 'administrator PIN refused: locked, not checked');
  await expect(pinStatus(page)).toHaveText("Trop d'essais. Réessayez dans 1 minute.");
  await expect(onScreen(page, 'admin-panel')).toHaveCount(0);
});

test('the gesture in the middle of a visit ends it and wipes it before the PIN screen', async ({ kioskPage: page, kiosk }) => {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'English' }).click();
  await acceptNotice(page);
  await expect(onScreen(page, 'home')).toBeVisible();
  const from = kiosk.lines.length;
  await gesture(page);
  await expect(onScreen(page, 'admin-pin')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(kiosk.lines.slice(from).some((l) => l.msg === 'visit wiped and verified')).toBe(true);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(onScreen(page, 'attract')).toBeVisible();
});

// A kiosk whose panel may also leave to the desktop.
const withExitAllowed = test.extend({
  kioskProfile: async ({}, use) => {
    const testProfile = readTestProfile();
    const profile = writeProfile({ ...testProfile, admin: { ...testProfile.admin, allowExitToDesktop: true } });
    await use(profile);
    removeProfile(profile);
  },
});

withExitAllowed('restart from the panel: the host stops and starts again in the same process, on attract', async ({ kioskPage: page, kiosk }) => {
  await gesture(page);
  await typePin(page, TEST_PIN);
  // The browser goes away with the host's shell, sometimes before Playwright's click has returned: the
  // log lines below, not the click, say what happened.
  await page.getByRole('button', { name: 'Redémarrer la borne' }).click().catch(() => undefined);
  await kiosk.waitForLog((l) => l.msg === 'restarting the kiosk, as an administrator asked');
  const restartAt = kiosk.lines.findIndex((l) => l.msg === 'restarting the kiosk, as an administrator asked');
  await kiosk.waitForLog((l) => kiosk.lines.indexOf(l) > restartAt && l.msg === 'kiosk ready');
  await kiosk.waitForLog((l) => kiosk.lines.indexOf(l) > restartAt && l.msg === 'view painted' && l.screen === 'attract');
  expect(kiosk.process.exitCode).toBeNull();
});

withExitAllowed('exit to the desktop from the panel stops the kiosk cleanly, with exit code 0', async ({ kioskPage: page, kiosk }) => {
  await gesture(page);
  await typePin(page, TEST_PIN);
  // The browser goes away with the host's shell, sometimes before Playwright's click has returned: the
  // log lines below, not the click, say what happened.
  await page.getByRole('button', { name: 'Quitter vers le bureau' }).click().catch(() => undefined);
  await kiosk.waitForLog((l) => l.msg === 'kiosk stopped');
  expect(await kiosk.stop()).toBe(0);
});

test('panel commands a page forges are refused until the PIN was right, and the kiosk serves on', async ({ kioskPage: page, kiosk }) => {
  await expect(onScreen(page, 'attract')).toBeVisible();
  // A page script reaches the host only through the bridge: it asks for maintenance and the desktop without a PIN.
  const replies = await page.evaluate(async (messages) => {
    const token = (window as unknown as { borneLaunchToken: string }).borneLaunchToken;
    const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const reasons: Array<string | null> = [];
    // One at a time: the socket passes on one refusal while another is still being sent.
    for (const message of messages) {
      reasons.push(await new Promise<string | null>((resolve) => {
        const onMessage = (m: MessageEvent) => {
          if (!String(m.data).includes('"rejected"')) return;
          socket.removeEventListener('message', onMessage);
          resolve((JSON.parse(String(m.data)) as { reason: string }).reason);
        };
        socket.addEventListener('message', onMessage);
        // An accepted command gets no answer: say so as a value, so the assertion below is what fails.
        setTimeout(() => { socket.removeEventListener('message', onMessage); resolve(null); }, 3_000);
        socket.send(JSON.stringify(message));
      }));
    }
    socket.close();
    return reasons;
  }, [{ type: 'ADMIN.MAINTENANCE', on: true }, { type: 'ADMIN.EXIT_TO_DESKTOP' }, { type: 'MAINTENANCE.ENTER' }]);
  expect(replies).toEqual([
    'ADMIN.MAINTENANCE refused: not authenticated', 'ADMIN.EXIT_TO_DESKTOP refused: not authenticated', expect.stringContaining('type'),
  ]);
  await kiosk.waitForLog((l) => l.msg === 'refused an administrator command: the panel is not open with a right PIN' && l.command === 'ADMIN.EXIT_TO_DESKTOP');
  await onScreen(page, 'attract').click();
  await expect(onScreen(page, 'language')).toBeVisible();
  expect(kiosk.process.exitCode).toBeNull();
});
