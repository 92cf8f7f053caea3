/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STANDARD_DISPLAY, type DisplayPreferences } from '../../common/accessibility';
import type { Language } from '../../common/language';
import { ar } from '../../renderer/src/i18n/ar';
import { en } from '../../renderer/src/i18n/en';
import { fr, type Messages } from '../../renderer/src/i18n/fr';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { acceptNotice, expect, onScreen, testOnSites } from './fixtures';

/**
 * Every screen of the real kiosk, in every offered language, checked with axe-core against WCAG 2.1
 * A and AA. One walk per language goes through the screens in the order a person would meet them;
 * a screen added later is one line in WALK (how to get there from the screen before it).
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LANGUAGES: Record<Language, Messages> = { fr, en, ar };
const SHOTS = '/tmp/shots-access/axe';
/** The PIN of the test profile (tests/fixtures/profiles/test.json). */
const TEST_PIN = '2468';
/** The home tile of a site where nothing listens, in each language. */
const CLOSED_SITE: Record<Language, string> = { fr: 'Site fermé', en: 'Closed site', ar: 'موقع مغلق' };
const TEST_PIN_HASH = 'scrypt$N=16384,r=8,p=1$3SsVL/HlZTVqP8thab0fKQ==$ecvrCO3D11vU70OMm4Yxp+uTkg3jrg1kXZRkZL4kkyU=';

interface Walk {
  page: Page;
  language: Language;
  /** The texts of the visit's language; admin and between-visit screens are in the default (French). */
  t: Messages;
  /** The display the person chooses on the home screen, for the rest of the visit. */
  display: DisplayPreferences;
}

/** Opens the "see and listen" sheet, and chooses `display` there when it is not the standard one. */
async function chooseDisplay({ page, t, display }: Walk) {
  await button(page, t.access.open).click();
  if (display.textSize !== 100) await button(page, t.access.percent.replace('{{size}}', String(display.textSize))).click();
  if (display.contrast !== 'standard') await button(page, t.access.contrasts[display.contrast]).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', String(display.textSize));
  await expect(page.locator('html')).toHaveAttribute('data-contrast', display.contrast);
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const gesture = async (page: Page) => { for (let i = 0; i < 5; i++) await page.mouse.click(30, 30); };
async function typePin(page: Page) {
  for (const digit of TEST_PIN) await button(page, digit).click();
  await button(page, fr.admin.validate).click();
}

/** [name shown in the report, what to do from the step before, what to wait for]. */
const WALK: Array<[string, (walk: Walk) => Promise<unknown>, (walk: Walk) => Promise<void>]> = [
  ['attract', async () => {}, ({ page }) => expect(onScreen(page, 'attract')).toBeVisible()],
  ['language', ({ page }) => onScreen(page, 'attract').click(), ({ page }) => expect(onScreen(page, 'language')).toBeVisible()],
  ['consent', ({ page, language }) => page.locator(`[data-screen="language"] button[lang="${language}"]`).click(), ({ page }) => expect(onScreen(page, 'consent')).toBeVisible()],
  ['home', ({ page }) => acceptNotice(page), ({ page }) => expect(onScreen(page, 'home')).toBeVisible()],
  ['see and listen', chooseDisplay, ({ page, t }) => expect(page.getByRole('dialog', { name: t.access.open })).toBeVisible()],
  ['measure', async ({ page, t }) => {
    await button(page, t.access.close).click();
    await button(page, t.thermometer.start).click();
  }, ({ page }) => expect(onScreen(page, 'measure')).toBeVisible()],
  ['site unreachable', async ({ page, language, t }) => {
    await button(page, t.device.cancel).click();
    await page.getByRole('button', { name: new RegExp(CLOSED_SITE[language]) }).click();
  }, ({ page, t }) => expect(onScreen(page, 'site').locator('h1')).toHaveText(t.site.unreachable, { timeout: 20_000 })],
  ['idle warning', ({ page, t }) => button(page, t.site.back).click(), ({ page }) => expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 30_000 })],
  ['end', async ({ page, t }) => {
    await button(page, t.idle.stay).click();
    await button(page, t.home.finish).click();
  }, ({ page }) => expect(onScreen(page, 'end')).toBeVisible()],
  ['admin PIN', async ({ page }) => {
    await onScreen(page, 'end').click();
    await expect(onScreen(page, 'attract')).toBeVisible();
    await gesture(page);
  }, ({ page }) => expect(onScreen(page, 'admin-pin')).toBeVisible()],
  ['admin panel', ({ page }) => typePin(page), ({ page }) => expect(onScreen(page, 'admin-panel')).toBeVisible()],
  ['out of service', async ({ page }) => {
    await button(page, fr.admin.turnMaintenanceOn).click();
    await button(page, fr.admin.close).click();
  }, ({ page }) => expect(onScreen(page, 'out-of-service')).toBeVisible()],
];

/** One line per violation and node: what rule, how bad, which element, and axe's own summary of the fix. */
function readable(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations.flatMap((v) => v.nodes.map((node) =>
    `  [${v.impact}] ${v.id}: ${v.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary?.replaceAll('\n', '\n    ')}`)).join('\n');
}

const test = testOnSites.extend({
  kioskProfile: async ({ sites }, use) => {
    const links = mkdtempSync(path.join(tmpdir(), 'borne-e2e-axe-'));
    const profile = writeProfile({
      kiosk: { id: 'e2e-axe', name: 'Accessibility test', purpose: 'test' },
      languages: { offered: Object.keys(LANGUAGES), default: 'fr' },
      // Long enough that no warning comes while a screen is checked; the walk waits for it once.
      session: { idleTimeoutSeconds: 12, idleWarningSeconds: 60, endScreenSeconds: 60 },
      shell: { allowTestAutomation: true },
      admin: { pinHash: TEST_PIN_HASH, lockoutMinutes: 1 },
      lockdown: { allow: [{ origin: sites.unreachable, label: CLOSED_SITE }] },
      devices: {
        // Ready and silent: its first reading is an hour away, so the measure screen waits.
        thermometer: { serial: { path: path.join(links, 'thermometer'), baudRate: 9600 }, simulator: { everySeconds: 3600, celsius: 36.8 } },
      },
    });
    await use(profile);
    removeProfile(profile);
    rmSync(links, { recursive: true, force: true });
  },
});

/** Each offered language as it comes, and the largest text in high contrast once per direction. */
const VARIANTS: Array<[Language, DisplayPreferences]> = [
  ...(Object.keys(LANGUAGES) as Language[]).map((language): [Language, DisplayPreferences] => [language, STANDARD_DISPLAY]),
  ['fr', { textSize: 200, contrast: 'high' }],
  ['ar', { textSize: 200, contrast: 'high' }],
];

for (const [language, display] of VARIANTS) {
  const t = LANGUAGES[language];
  const variant = `${language}${display === STANDARD_DISPLAY ? '' : `, text ${display.textSize} % ${display.contrast} contrast`}`;
  test(`every screen has no WCAG 2.1 A or AA violation, in ${variant}`, async ({ kioskPage: page }) => {
    test.setTimeout(180_000);
    mkdirSync(SHOTS, { recursive: true });
    const found: string[] = [];
    for (const [name, go, arrived] of WALK) {
      await go({ page, language, t, display });
      await arrived({ page, language, t, display });
      // Legacy mode runs axe in the kiosk page alone: the default opens a blank page, which the shell refuses.
      // On a still frame: with a waiting animation running, axe's contrast checks take several times longer,
      // long enough for the short idle timeout to cover the screen before the walk goes on.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS).analyze();
      await page.emulateMedia({ reducedMotion: null });
      await page.screenshot({ path: `${SHOTS}/${name.replaceAll(' ', '-')}-${variant.replaceAll(/[^a-z0-9]+/g, '-')}.png` });
      if (result.violations.length > 0) found.push(`${name} (${variant}):\n${readable(result.violations)}`);
    }
    expect(found, `axe found violations:\n${found.join('\n')}`).toEqual([]);
  });
}
