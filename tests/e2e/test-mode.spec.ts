import { TEST_AUTOMATION_WARNING } from '../../main/test-automation';
import { acceptNotice, expect, onScreen, test } from './fixtures';

// Every e2e kiosk runs with test automation on (the test profile and --test-cdp-port), so every one
// must say so: a warning in the host's log and a banner on the screen that hides nothing.
const banner = (page: import('@playwright/test').Page) => page.locator('[data-notice="test-automation"]');

test('the host warns at start that test automation is on', async ({ kiosk }) => {
  const line = await kiosk.waitForLog((l) => l.msg === TEST_AUTOMATION_WARNING);
  expect(line).toMatchObject({ level: 40, purpose: 'test' });
});

test('a banner says so on every screen of a visit, and covers no control', async ({ kioskPage }) => {
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
  await expect(banner(kioskPage)).toBeVisible();
  await expect(banner(kioskPage)).toHaveText('Mode test : la borne est pilotable à distance');
  await expect(banner(kioskPage)).toHaveCSS('pointer-events', 'none');
  await kioskPage.screenshot({ path: 'test-results/test-mode-attract.png' });
  await expectBesideTheScreen(kioskPage, 'attract');

  await onScreen(kioskPage, 'attract').click();
  await expect(onScreen(kioskPage, 'language')).toBeVisible();
  await expect(banner(kioskPage)).toBeVisible();
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await acceptNotice(kioskPage);

  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  await expect(banner(kioskPage)).toHaveText('Test mode: this kiosk can be remote-controlled');
  await kioskPage.screenshot({ path: 'test-results/test-mode-home.png' });
  await expectBesideTheScreen(kioskPage, 'home');
  // The way out is reachable: a real click at its centre lands on it, not on the banner.
  await kioskPage.getByRole('button', { name: "I'm done" }).click();

  await expect(onScreen(kioskPage, 'end')).toBeVisible();
  await expect(banner(kioskPage)).toBeVisible();
});

/** The banner sits above the screen, never over it: their boxes do not overlap. */
async function expectBesideTheScreen(page: import('@playwright/test').Page, screen: string) {
  const strip = await banner(page).boundingBox();
  const main = await onScreen(page, screen).boundingBox();
  if (!strip || !main) throw new Error('the banner or the screen has no box');
  expect(strip.y).toBe(0);
  expect(strip.height).toBeLessThan(60); // a slim strip, not a bar that eats the screen
  expect(main.y).toBeGreaterThanOrEqual(strip.y + strip.height);
}
