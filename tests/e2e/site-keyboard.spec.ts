/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { accessibleNames, boxOf, touch, touchDrawnButton } from '../support/accessibility-tree';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, testOnSites } from './fixtures';

const SHOTS = '/tmp/shots-site-keyboard';

/**
 * Borne's on-screen keyboard on an official site (a stand-in on loopback): it comes up under a site's
 * text field, types into it with the browser's own input, never covers the field, and goes.
 */
const test = testOnSites.extend({
  kioskProfile: async ({ sites }, use) => {
    const profile = writeProfile({
      kiosk: { id: 'e2e-site-keyboard', name: 'Site keyboard test', purpose: 'test' },
      languages: { offered: ['fr', 'en', 'ar'], default: 'fr' },
      session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
      shell: { allowTestAutomation: true },
      lockdown: { allow: [{ origin: sites.allowed, label: { fr: 'Site de test', en: 'Test site', ar: 'موقع تجريبي' } }] },
    });
    await use(profile);
    removeProfile(profile);
  },
});

async function openAppointment(page: Page, language: string, tile: RegExp, allowed: string): Promise<void> {
  await onScreen(page, 'attract').click();
  await page.getByRole('button', { name: language }).click();
  await acceptNotice(page);
  await page.getByRole('button', { name: tile }).click();
  await expect.poll(() => page.url()).toBe(`${allowed}/`);
  await page.evaluate(() => void setTimeout(() => { location.href = '/appointment'; }, 0));
  await page.waitForURL(`${allowed}/appointment`);
}

const valueOf = (page: Page, id: string) => page.evaluate((field) => (document.getElementById(field) as HTMLInputElement).value, id);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

test("the keyboard types into a site's field as a real keyboard, never covers the field, and goes when asked", async ({ kioskPage: page, sites }) => {
  mkdirSync(SHOTS, { recursive: true });
  await openAppointment(page, 'Français', /Site de test/, sites.allowed);
  expect(await accessibleNames(page, 'group')).not.toContain('Clavier');

  // A touch on the site's field brings the keyboard up, in AZERTY for a French visit.
  const name = (await page.locator('#name').boundingBox())!;
  await page.mouse.click(name.x + 20, name.y + name.height / 2);
  await expect.poll(() => accessibleNames(page, 'group')).toContain('Clavier');
  await page.screenshot({ path: `${SHOTS}/fr-name.png` });
  for (const key of ['⇧ Majuscule', 'A', 'z', 'i', 'z']) await touch(page, 'button', key);
  await touch(page, 'button', '⌫ Effacer');
  await touch(page, 'button', 'Espace');
  await touch(page, 'button', 'é');
  await expect.poll(() => valueOf(page, 'name')).toBe('Azi é');
  // Typed by the browser itself: the site's scripts see trusted input, and the field kept the focus.
  expect(await page.evaluate(() => document.body.dataset.untrusted)).toBe('false');
  expect(await focusedId(page)).toBe('name');

  // The last field, far down the page: the page makes room, and the field is drawn above the keyboard.
  await page.evaluate(() => document.getElementById('email')!.focus());
  await expect.poll(async () => {
    const field = (await page.locator('#email').boundingBox())!;
    const keyboard = (await boxOf(page, 'group', 'Clavier'))!;
    return field.y >= 0 && field.y + field.height <= keyboard.y;
  }).toBe(true);
  await page.screenshot({ path: `${SHOTS}/fr-email-above-keyboard.png` });
  // The switch key offers the other layouts: QWERTY, then Arabic.
  await touch(page, 'button', 'Passer au clavier QWERTY');
  for (const key of ['a', '@', 'b', '.', 'f', 'r']) await touch(page, 'button', key);
  await expect.poll(() => valueOf(page, 'email')).toBe('a@b.fr');

  // "Masquer" puts the keyboard away and the field with it; the page gets its own height back.
  await touch(page, 'button', 'Masquer');
  await expect.poll(() => accessibleNames(page, 'group')).not.toContain('Clavier');
  expect(await focusedId(page)).not.toBe('email');
  expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('padding-bottom'))).toBe('');
});

test('in an Arabic visit the keyboard on a site starts in Arabic, with Arabic words', async ({ kioskPage: page, sites }) => {
  await openAppointment(page, 'العربية', /موقع تجريبي/, sites.allowed);
  await page.evaluate(() => document.getElementById('name')!.focus());
  await expect.poll(() => accessibleNames(page, 'group')).toContain('لوحة المفاتيح');
  for (const key of ['س', 'ل', 'ا', 'م']) await touch(page, 'button', key);
  await expect.poll(() => valueOf(page, 'name')).toBe('سلام');
  await page.screenshot({ path: `${SHOTS}/ar-name.png` });
  await touch(page, 'button', '⌫ مسح');
  await expect.poll(() => valueOf(page, 'name')).toBe('سلا');
  await touch(page, 'button', 'إخفاء');
  await expect.poll(() => accessibleNames(page, 'group')).not.toContain('لوحة المفاتيح');
});

test("the keyboard types into a field of a site's modal dialog, which makes the rest of the page inert", async ({ kioskPage: page, sites }) => {
  await openAppointment(page, 'Français', /Site de test/, sites.allowed);
  await page.evaluate(() => void setTimeout(() => { location.href = '/dialog-form'; }, 0));
  await page.waitForURL(`${sites.allowed}/dialog-form`);
  const code = (await page.locator('#code').boundingBox())!;
  await page.mouse.click(code.x + 20, code.y + code.height / 2);
  expect(await page.evaluate(() => document.querySelector('dialog:modal')?.id)).toBe('ask');
  // Inert, the keyboard is out of the accessibility tree: its keys are found where they are drawn.
  await expect.poll(() => touchDrawnButton(page, '4').then(() => true, () => false)).toBe(true);
  await touchDrawnButton(page, '2');
  await touchDrawnButton(page, '⌫ Effacer');
  await touchDrawnButton(page, '7');
  await expect.poll(() => valueOf(page, 'code')).toBe('47');
  expect(await focusedId(page)).toBe('code');
  await page.screenshot({ path: `${SHOTS}/fr-modal-dialog.png` });
});
