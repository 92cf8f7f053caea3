/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { accessibleNames } from '../support/accessibility-tree';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { installPoliciesFor } from '../support/managed-policies';
import { acceptNotice, expect, onScreen, testOnSites } from './fixtures';

const SHOTS = '/tmp/shots-video-call';

/**
 * A video call from the home screen, through the real kiosk: the call's site (a stand-in on loopback,
 * with Chromium's fake camera and microphone) gets them with no prompt, any other site is refused them
 * with no prompt either, and inactivity never ends the visit while the call lasts. The camera is the
 * managed policies' to grant (VideoCaptureAllowedUrls: DevTools cannot set permissions in the kiosk's
 * off-the-record context), so they are installed for the kiosk's profile, as on a production kiosk.
 */
const test = testOnSites.extend({
  kioskProfile: async ({ sites }, use, testInfo) => {
    const plain = sites.foreign;
    const profile = writeProfile({
      kiosk: { id: 'e2e-video-call', name: 'Video call test', purpose: 'test' },
      languages: { offered: ['fr', 'en'], default: 'fr' },
      session: { idleTimeoutSeconds: 5, idleWarningSeconds: 3, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      lockdown: {
        allow: [
          { origin: sites.allowed, start: `${sites.allowed}/call`, label: { fr: 'Conseiller CAF', en: 'CAF advisor' }, call: 'appointment' },
          { origin: plain, start: `${plain}/call`, label: { fr: 'Site ordinaire', en: 'Plain site' } },
        ],
      },
    });
    // Chromium reads its managed policies when it starts: installed for this profile before the kiosk starts.
    const policies = installPoliciesFor(profile);
    if (typeof policies === 'string') {
      console.log(`video-call.spec: "${testInfo.title}" skipped, ${policies}`);
      testInfo.skip(true, policies);
    }
    try {
      await use(profile);
    } finally {
      if (typeof policies !== 'string') policies.restore();
      removeProfile(profile);
    }
  },
});

// Chromium's own fake camera and microphone; the kiosk, not a fake prompt, decides who gets them.
const flagsBefore = process.env.BORNE_CHROMIUM_FLAGS;
test.beforeAll(() => { process.env.BORNE_CHROMIUM_FLAGS = '--use-fake-device-for-media-stream'; });
test.afterAll(() => {
  if (flagsBefore === undefined) delete process.env.BORNE_CHROMIUM_FLAGS;
  else process.env.BORNE_CHROMIUM_FLAGS = flagsBefore;
});

async function toHome(page: Page): Promise<void> {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: 'Français' }).click();
  await acceptNotice(page);
  await expect(onScreen(page, 'home')).toBeVisible();
}
const media = (page: Page) => page.evaluate(() => document.getElementById('media')?.textContent ?? null);

test('a video call gets the camera and microphone, and no inactivity ends it', async ({ kioskPage: page, kiosk, sites }) => {
  mkdirSync(SHOTS, { recursive: true });
  await toHome(page);
  const calls = page.getByRole('navigation', { name: "Parler à quelqu'un en vidéo" });
  await expect(calls.getByRole('button')).toHaveText(['Conseiller CAFRendez-vous en visiolocalhost:' + new URL(sites.allowed).port]);
  await page.screenshot({ path: `${SHOTS}/home-with-call.png` });
  await calls.getByRole('button', { name: /Conseiller CAF/ }).click();
  await expect.poll(() => page.url()).toBe(`${sites.allowed}/call`);
  await expect.poll(() => media(page)).toBe('camera 1, microphone 1');

  // Twice the step's timeout and its warning without a touch: no countdown, still in the call.
  await page.waitForTimeout(15_000);
  expect(await accessibleNames(page, 'StaticText')).not.toContainEqual(expect.stringMatching(/^Êtes-vous toujours là/));
  expect(page.url()).toBe(`${sites.allowed}/call`);
  expect(kiosk.lines.some((l) => l.msg === 'screen' && l.screen === 'end')).toBe(false);
  await page.screenshot({ path: `${SHOTS}/in-call.png` });

  // Left by the bar's "Retour": home again, where inactivity counts once more.
  await page.mouse.click(100, 36);
  await expect(onScreen(page, 'home')).toBeVisible();
  await kiosk.waitForLog((l) => l.msg === 'screen' && l.screen === 'end', 20_000);
});

test('a site that is no video call is refused the camera, without a prompt', async ({ kioskPage: page, sites }) => {
  await toHome(page);
  await page.getByRole('button', { name: /Site ordinaire/ }).click();
  await expect.poll(() => page.url()).toBe(`${sites.foreign}/call`);
  await expect.poll(() => media(page)).toBe('refused: NotAllowedError');
});
