/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { textDirection, type Language } from '../../common/language';
import { CATALOG_DIR } from '../../kiosk-config/catalog-load';
import { ar } from '../../renderer/src/i18n/ar';
import { en } from '../../renderer/src/i18n/en';
import { fr, type Messages } from '../../renderer/src/i18n/fr';
import { NATIVE_LANGUAGE_NAMES } from '../../renderer/src/i18n/languageNames';
import { boxOf } from '../support/accessibility-tree';
import { catalogFolder } from '../support/catalog-folder';
import { removeProfile, writeProfile } from '../support/kiosk-process';
import { expect, onScreen, testOnSites } from './fixtures';

/**
 * The whole guided visit, as a first-time visitor lives it, through the real kiosk, in each language the
 * kiosk speaks: attract → language → consent → home → (search or tile) → guide → the procedure's official
 * site (a stand-in on loopback, under the procedure's allowlist) → back to the guide → finish →
 * satisfaction → wipe → attract. Every screen met is checked with axe-core against WCAG 2.1 A and AA, in
 * the visit's language and direction (Arabic right to left), and photographed.
 */
const SHOTS = '/tmp/shots-visit-screens/journey';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TEXTS: Record<Language, Messages> = { fr, en, ar };
const LANGUAGES = Object.keys(TEXTS) as Language[];
/** Borne's bar on a site, as a person reads its buttons: "back" with its arrow pointing out of the line's start. */
const BAR: Record<Language, { back: string; end: string }> = {
  fr: { back: '← Retour', end: 'Terminer' },
  en: { back: '← Back', end: 'Finish' },
  ar: { back: '→ رجوع', end: 'إنهاء' },
};
/** Shipped procedures copied into the test's catalog, their official sites replaced by the stand-in. */
const PROCEDURES = ['passport', 'id-card', 'family-benefits', 'income-tax'];

const test = testOnSites.extend({
  kioskProfile: async ({ sites }, use) => {
    const catalog = catalogFolder();
    for (const id of PROCEDURES) {
      const facts = JSON.parse(readFileSync(path.join(CATALOG_DIR, 'procedures', `${id}.json`), 'utf8')) as Record<string, unknown>;
      catalog.write(`procedures/${id}.json`, { ...facts, start: `${sites.allowed}/`, allow: [{ origin: sites.allowed, pathPrefix: '/' }] });
      for (const language of LANGUAGES) catalog.write(`${language}/${id}.json`, readFileSync(path.join(CATALOG_DIR, language, `${id}.json`), 'utf8'));
    }
    const profile = writeProfile({
      kiosk: { id: 'e2e-journey', name: 'Journey test', purpose: 'test' },
      languages: { offered: LANGUAGES, default: 'fr' },
      // Long enough that no inactivity warning covers a screen while axe reads it.
      session: { idleTimeoutSeconds: 300, idleWarningSeconds: 10, endScreenSeconds: 60 },
      shell: { allowTestAutomation: true },
      catalog: { dir: catalog.dir },
    });
    await use(profile);
    removeProfile(profile);
    catalog.remove();
  },
});

/** Checks the kiosk's page as it stands, in `language` and its direction, and keeps a photograph of it. */
async function check(page: Page, name: string, language: Language): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('dir', textDirection(language));
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  // Legacy mode: axe runs inside the kiosk's own page and opens no other tab in the kiosk's browser.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS).analyze();
  expect(violations.map((violation) => `${name}: ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });

/** Where the bar's button `name` is drawn, once the bar is on the site's page. */
async function barButton(page: Page, name: string) {
  let box: Awaited<ReturnType<typeof boxOf>> = null;
  await expect.poll(async () => (box = await boxOf(page, 'button', name)), { message: `the bar's "${name}"` }).not.toBeNull();
  return box!;
}

/** The passport procedure's title in `language`, as the shipped catalog gives it. */
const passportTitle = (language: Language) =>
  (JSON.parse(readFileSync(path.join(CATALOG_DIR, language, 'passport.json'), 'utf8')) as { title: string }).title;

for (const language of LANGUAGES) {
  const t = TEXTS[language];
  const languageName = NATIVE_LANGUAGE_NAMES[language];
  const passport = passportTitle(language);

  test(`a first visit in ${languageName}, from the first touch to a clean kiosk, through a procedure's site`, async ({ kioskPage, kiosk, sites }) => {
    test.setTimeout(120_000);
    const page = kioskPage;
    let taps = 0;
    const tap = async (target: Locator) => {
      taps += 1;
      await target.click();
    };

    await expect(onScreen(page, 'attract')).toBeVisible();
    await check(page, `${language}-1-attract`, 'fr');
    await tap(onScreen(page, 'attract'));

    await expect(onScreen(page, 'language')).toBeVisible();
    await check(page, `${language}-2-language`, 'fr');
    await tap(button(page, languageName));

    await expect(onScreen(page, 'consent')).toBeVisible();
    await expect(page.getByText(t.consent.notice)).toBeVisible();
    await check(page, `${language}-3-consent`, language);
    await tap(button(page, t.consent.accept));

    await expect(onScreen(page, 'home')).toBeVisible();
    await check(page, `${language}-4-home`, language);
    if (language !== 'en') {
      // By word, the way a person types it: in French no accent, no capital; in Arabic no short vowel.
      await page.getByRole('searchbox', { name: t.search.label }).fill(language === 'fr' ? 'passeport' : 'جواز');
      await expect(page.getByRole('status')).toContainText(t.search.found_one.replace('{{count}}', '1'));
      await check(page, `${language}-5-search`, language);
      await button(page, new RegExp(`^${passport}`)).click();
    } else {
      // By its tile, found in its group without any other screen: the fourth touch since attract.
      await tap(page.getByRole('region', { name: t.groups.identity }).getByRole('button', { name: new RegExp(`^${passport}`) }));
      expect(taps).toBe(4);
    }

    const guide = onScreen(page, 'guide');
    await expect(guide).toBeVisible();
    await expect(guide.getByRole('heading', { level: 1 })).toHaveText(passport);
    await expect(guide.getByRole('region', { name: t.guide.goingTo })).toContainText(new URL(sites.allowed).host);
    await check(page, `${language}-6-guide`, language);
    await guide.getByRole('checkbox').first().check();
    await check(page, `${language}-6-guide-ticked`, language);
    await button(page, t.guide.start).click();

    // The procedure's official site, in the kiosk's view under Borne's bar.
    await expect.poll(() => page.url()).toBe(`${sites.allowed}/`);
    await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Site officiel de test');
    await page.screenshot({ path: `${SHOTS}/${language}-7-site.png` });
    // The bar's back button, found by its name (the bar's closed shadow root is out of the locators' reach),
    // at the line's start: on the left in French and English, on the right in Arabic.
    const back = await barButton(page, BAR[language].back);
    const end = await barButton(page, BAR[language].end);
    if (textDirection(language) === 'rtl') expect(back.x).toBeGreaterThan(end.x);
    else expect(back.x).toBeLessThan(end.x);
    await page.mouse.click(back.x + back.width / 2, back.y + back.height / 2);
    await expect(onScreen(page, 'guide')).toBeVisible();
    await expect(onScreen(page, 'guide').getByRole('heading', { level: 1 })).toHaveText(passport);

    await button(page, t.home.finish).click();
    const endScreen = onScreen(page, 'end');
    await expect(endScreen).toBeVisible();
    await check(page, `${language}-8-end`, language);
    await button(page, t.end.rating.good).click();
    await expect(endScreen.getByRole('status')).toHaveText(t.end.thanks);
    await check(page, `${language}-9-end-rated`, language);

    // A touch anywhere else leaves: the visit is wiped, proven clean, and the kiosk waits for the next person.
    // A finger on the thanks: the words let the touch through to the screen-sized "finish" button under them.
    const thanks = (await endScreen.getByRole('heading', { level: 1 }).boundingBox())!;
    await page.mouse.click(thanks.x + thanks.width / 2, thanks.y + thanks.height / 2);
    await expect(onScreen(page, 'attract')).toBeVisible({ timeout: 20_000 });
    await kiosk.waitForLog((line) => line.msg === 'visit wiped and verified');
    // The next person meets the kiosk in its default language, left to right, whatever this visit spoke.
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('searchbox')).toHaveCount(0);
  });
}
