/// <reference lib="dom" />
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { expect, onScreen, test as base } from './fixtures';

const SHOTS = '/tmp/shots-access/kiosk';

const test = base.extend({
  kioskProfile: async ({}, use) => {
    const profile = writeProfile({
      kiosk: { id: 'e2e-see-and-listen', name: 'See and listen test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      // Long enough that the idle warning never covers the screen during the test.
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
    });
    await use(profile);
    removeProfile(profile);
  },
});

test('a person enlarges the text, switches to high contrast and hears the screen; the next visit starts standard', async ({ kioskPage: page, kiosk }) => {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'English' }).click();
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
  await expect(reading).toHaveAttribute('data-speech-state', 'idle', { timeout: 45_000 });
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
