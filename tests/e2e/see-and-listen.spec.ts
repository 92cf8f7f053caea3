/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, testOnSites } from './fixtures';

const SHOTS = '/tmp/shots-access/kiosk';

const test = testOnSites.extend({
  kioskProfile: async ({ sites }, use) => {
    const profile = writeProfile({
      kiosk: { id: 'e2e-see-and-listen', name: 'See and listen test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      // Long enough that the idle warning never covers the screen during the test.
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      lockdown: { allow: [{ origin: sites.allowed, label: { fr: 'Site de test', en: 'Test site' } }] },
    });
    await use(profile);
    removeProfile(profile);
  },
});

test('a person enlarges the text, switches to high contrast and hears the screen; the next visit starts standard', async ({ kioskPage: page, kiosk }) => {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'English' }).click();
  await acceptNotice(page);
  await expect(onScreen(page, 'home')).toBeVisible();

  await page.getByRole('button', { name: 'See and listen' }).click();
  await page.getByRole('button', { name: /200 %/ }).click();
  await page.getByRole('button', { name: 'High contrast' }).click();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-text-size', '200');
  await expect(html).toHaveAttribute('data-contrast', 'high');
  // The root font doubled: every rem of the layout follows.
  const rootFont = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(rootFont).toBeGreaterThanOrEqual(48);
  await page.screenshot({ path: `${SHOTS}/home-200-high-sheet.png` });

  // Chromium under Xvfb has no voice of its own: the host's espeak-ng reads, the page plays its WAV.
  const voices = await page.evaluate(() => speechSynthesis.getVoices().map((v) => v.lang));
  console.log(`see-and-listen: the browser's voices: ${voices.length > 0 ? voices.join(', ') : 'none'}`);
  const listen = page.getByRole('button', { name: 'Listen to the screen' });
  await listen.click();
  const reading = page.locator('[data-speech-state]');
  await expect(reading).toHaveAttribute('data-speech-state', 'speaking');
  // Home lists every procedure: a minute of speech. The person stops it, and no error was said.
  await page.getByRole('button', { name: 'Stop reading' }).click();
  await expect(reading).toHaveAttribute('data-speech-state', 'idle');
  await expect(page.getByRole('status')).toHaveText('');

  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'See and listen' }).focus();
  await page.screenshot({ path: `${SHOTS}/home-200-high.png` });
  await page.getByRole('button', { name: /done/i }).click();
  await expect(onScreen(page, 'end')).toBeVisible();
  await onScreen(page, 'end').click();
  await expect(onScreen(page, 'attract')).toBeVisible();
  await kiosk.waitForLog((l) => l.msg === 'visit wiped and verified');
  await expect(html).toHaveAttribute('data-text-size', '100');
  await expect(html).toHaveAttribute('data-contrast', 'standard');
  expect(kiosk.lines.some((l) => l.msg === 'could not read the screen aloud')).toBe(false);
});

/** True when Borne's bar (its popover host on <html>) is what lies at height `y` in the middle of the page. */
const barAt = (page: Page, y: number) => page.evaluate((at) => {
  const element = document.elementFromPoint(innerWidth / 2, at);
  return element?.parentElement === document.documentElement && element.hasAttribute('popover');
}, y);

test('Borne\'s bar on an official site follows the visit\'s text size and contrast', async ({ kioskPage: page, sites }) => {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(page);
  await page.getByRole('button', { name: 'Voir et écouter' }).click();
  await page.getByRole('button', { name: /200 %/ }).click();
  await page.getByRole('button', { name: 'Fort contraste' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
  await page.getByRole('button', { name: 'Fermer' }).click();
  await page.getByRole('button', { name: /Site de test/ }).click();
  await expect.poll(() => page.url()).toBe(`${sites.allowed}/`);
  // Twice the standard 72 px: the bar covers 130 px from the top, and the page starts below it.
  await expect.poll(() => barAt(page, 130)).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginTop)).toBe('144px');
  await page.screenshot({ path: `${SHOTS}/site-bar-200-high.png` });
});
