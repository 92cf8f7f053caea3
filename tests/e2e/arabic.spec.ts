/// <reference lib="dom" />
import { axeViolations } from '../support/axe';
import { acceptNotice, expect, onScreen, test } from './fixtures';

test('a visit in Arabic turns the kiosk right to left, in Arabic, and the next visit starts in French, left to right', async ({ kioskPage, kiosk }) => {
  await onScreen(kioskPage, 'attract').click();
  await expect(onScreen(kioskPage, 'language')).toBeVisible();
  const arabic = kioskPage.getByRole('button', { name: 'العربية' });
  await expect(arabic).toHaveAttribute('dir', 'rtl');
  await arabic.click();
  await acceptNotice(kioskPage);

  await expect(onScreen(kioskPage, 'home')).toBeVisible();
  const html = kioskPage.locator('html');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(kioskPage.getByRole('heading', { level: 1 })).toHaveText('مرحبًا!');
  expect(await axeViolations(kioskPage)).toEqual([]);

  // The test profile warns after 5 s without a touch: the warning speaks Arabic too.
  const warning = kioskPage.getByRole('alertdialog');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect(warning).toContainText('هل ما زلت هنا؟');
  await expect(onScreen(kioskPage, 'attract')).toBeVisible({ timeout: 15_000 });
  await expect(html).toHaveAttribute('lang', 'fr');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
});
