/**
 * Builds the renderer, shows every screen in Chromium with a fake preload, and saves screenshots
 * to /tmp/borne-shots/ for a person to look at. Run: npx tsx tests/support/renderer-preview/screenshots.ts
 */
import type { Browser, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { SessionSnapshot } from '../../../common/snapshot';
import { buildRenderer, launchChromium, openSnapshot } from './preview';
import * as fixtures from './snapshots';
import { serveFolder } from './staticServer';

const outDir = process.env.BORNE_SHOTS_DIR ?? '/tmp/borne-shots';

interface Shot {
  name: string;
  snapshot: SessionSnapshot | null;
  size?: { width: number; height: number };
  /** What a person does before the shot (types a search…). */
  act?: (page: Page) => Promise<void>;
}

const en = (snapshot: SessionSnapshot): SessionSnapshot => ({ ...snapshot, language: 'en' });
const testMode = (snapshot: SessionSnapshot): SessionSnapshot => ({ ...snapshot, testAutomation: true });
/** Arabic, right to left, on a kiosk that offers it beside French and English. */
const ar = (snapshot: SessionSnapshot): SessionSnapshot => ({ ...snapshot, language: 'ar', offeredLanguages: ['fr', 'en', 'ar'] });
const withArabic = (snapshot: SessionSnapshot): SessionSnapshot => ({ ...snapshot, offeredLanguages: ['fr', 'en', 'ar'] });
const SMALL = { width: 1280, height: 720 };
const TINY = { width: 800, height: 600 };
const FULL_HD = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

const search = (words: string) => async (page: Page) => {
  await page.getByRole('searchbox').fill(words);
};

/** Text twice its size, as a person may ask for it: the layouts must reflow, not overflow. */
const doubleText = async (page: Page) => {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = 'calc(2 * clamp(24px, 1.6vmin + 12px, 32px))';
  });
};

/** The guided visit's screens, in French and English, on a wide, a small and a portrait (cabin) screen. */
const visitShots: Shot[] = (['fr', 'en'] as const).flatMap((language) =>
  ([['', FULL_HD], ['small-', SMALL], ['portrait-', PORTRAIT]] as const).flatMap(([prefix, size]) => [
    { name: `${prefix}visit-attract-${language}`, snapshot: { ...fixtures.attractSnapshot, language }, size },
    { name: `${prefix}visit-consent-${language}`, snapshot: { ...fixtures.consentSnapshot, language }, size },
    { name: `${prefix}visit-home-${language}`, snapshot: fixtures.homeCatalogSnapshot(language), size },
    { name: `${prefix}visit-home-search-${language}`, snapshot: fixtures.homeCatalogSnapshot(language), size, act: search(language === 'fr' ? 'carte' : 'card') },
    { name: `${prefix}visit-home-nothing-${language}`, snapshot: fixtures.homeCatalogSnapshot(language), size, act: search('xylophone') },
    { name: `${prefix}visit-guide-${language}`, snapshot: fixtures.shippedGuideSnapshot('passport', language), size },
    { name: `${prefix}visit-end-${language}`, snapshot: { ...fixtures.endSnapshot, language }, size },
    { name: `${prefix}visit-end-rated-${language}`, snapshot: { ...fixtures.endRatedSnapshot, language }, size },
  ]));

const largeTextShots: Shot[] = ([['', FULL_HD], ['small-', SMALL], ['portrait-', PORTRAIT]] as const).flatMap(([prefix, size]) => [
  { name: `${prefix}large-text-visit-home-fr`, snapshot: fixtures.homeCatalogSnapshot('fr'), size, act: doubleText },
  { name: `${prefix}large-text-visit-guide-en`, snapshot: fixtures.shippedGuideSnapshot('passport', 'en'), size, act: doubleText },
  { name: `${prefix}large-text-visit-consent-fr`, snapshot: fixtures.consentSnapshot, size, act: doubleText },
  { name: `${prefix}large-text-visit-end-fr`, snapshot: fixtures.endSnapshot, size, act: doubleText },
  { name: `${prefix}large-text-visit-attract-fr`, snapshot: fixtures.attractSnapshot, size, act: doubleText },
]);

const shots: Shot[] = [
  ...visitShots,
  ...largeTextShots,
  { name: 'visit-home-scrolled-fr', snapshot: fixtures.homeCatalogSnapshot('fr'), act: async (page) => {
    await page.getByRole('button', { name: 'Énergie', exact: true }).click();
    await page.waitForTimeout(1_500); // the smooth scroll to the section
  } },
  { name: 'visit-home-devices-fr', snapshot: fixtures.homeCatalogWithDevicesSnapshot },
  { name: 'visit-guide-long-fr', snapshot: fixtures.shippedGuideSnapshot('family-benefits') },
  { name: 'small-visit-guide-long-en', snapshot: fixtures.shippedGuideSnapshot('family-benefits', 'en'), size: SMALL },
  { name: 'attract-fr', snapshot: fixtures.attractSnapshot },
  { name: 'language-fr', snapshot: fixtures.languageSnapshot },
  { name: 'home-reading-fr', snapshot: fixtures.homeWithReadingSnapshot },
  { name: 'home-waiting-fr', snapshot: { ...fixtures.homeWithReadingSnapshot, measurements: {} } },
  { name: 'measure-waiting-fr', snapshot: fixtures.measureWaitingSnapshot },
  { name: 'measure-done-fr', snapshot: fixtures.measureDoneSnapshot },
  { name: 'measure-done-en', snapshot: en(fixtures.measureDoneSnapshot) },
  { name: 'measure-failed-fr', snapshot: fixtures.measureFailedSnapshot },
  { name: 'measure-no-reading-fr', snapshot: fixtures.measureNoReadingSnapshot },
  { name: 'measure-no-reading-en', snapshot: en(fixtures.measureNoReadingSnapshot) },
  { name: 'tiny-measure-done-fr', snapshot: fixtures.measureDoneSnapshot, size: TINY },
  { name: 'home-sites-fr', snapshot: fixtures.homeWithSitesSnapshot },
  { name: 'home-sites-en', snapshot: en(fixtures.homeWithSitesSnapshot) },
  { name: 'site-opening-fr', snapshot: fixtures.siteOpeningSnapshot },
  { name: 'site-unreachable-fr', snapshot: fixtures.siteUnreachableSnapshot },
  { name: 'site-unreachable-en', snapshot: en(fixtures.siteUnreachableSnapshot) },
  { name: 'small-home-sites-fr', snapshot: fixtures.homeWithSitesSnapshot, size: SMALL },
  { name: 'home-offline-fr', snapshot: fixtures.homeThermometerOfflineSnapshot },
  { name: 'end-fr', snapshot: { ...fixtures.attractSnapshot, screen: 'end' } },
  { name: 'wipe-fr', snapshot: { ...fixtures.attractSnapshot, screen: 'wipe' } },
  { name: 'out-of-service-fr', snapshot: { ...fixtures.attractSnapshot, screen: 'out-of-service' } },
  { name: 'idle-warning-fr', snapshot: fixtures.idleWarningSnapshot },
  { name: 'connecting', snapshot: null },
  { name: 'home-reading-en', snapshot: en(fixtures.homeWithReadingSnapshot) },
  { name: 'small-home-offline-fr', snapshot: fixtures.homeThermometerOfflineSnapshot, size: SMALL },
  { name: 'small-idle-warning-fr', snapshot: fixtures.idleWarningSnapshot, size: SMALL },
  { name: 'tiny-home-offline-fr', snapshot: fixtures.homeThermometerOfflineSnapshot, size: TINY },
  { name: 'tiny-language-fr', snapshot: fixtures.languageSnapshot, size: TINY },
  { name: 'tiny-attract-fr', snapshot: fixtures.attractSnapshot, size: TINY },
  // The test-automation banner above every kind of screen, down to the smallest display.
  { name: 'test-mode-attract-fr', snapshot: testMode(fixtures.attractSnapshot) },
  { name: 'test-mode-home-reading-en', snapshot: testMode(en(fixtures.homeWithReadingSnapshot)) },
  { name: 'test-mode-out-of-service-fr', snapshot: testMode({ ...fixtures.attractSnapshot, screen: 'out-of-service' }) },
  { name: 'test-mode-idle-warning-fr', snapshot: testMode(fixtures.idleWarningSnapshot) },
  { name: 'tiny-test-mode-home-offline-fr', snapshot: testMode(fixtures.homeThermometerOfflineSnapshot), size: TINY },
  { name: 'tiny-test-mode-attract-en', snapshot: testMode(en(fixtures.attractSnapshot)), size: TINY },
  // The administrator's screens, in both languages.
  ...(['fr', 'en'] as const).flatMap((language) => [
    { name: `admin-pin-${language}`, snapshot: { ...fixtures.adminPinSnapshot, language } },
    { name: `admin-pin-wrong-${language}`, snapshot: { ...fixtures.adminPinWrongSnapshot, language } },
    { name: `admin-pin-locked-${language}`, snapshot: { ...fixtures.adminPinLockedSnapshot, language } },
    { name: `admin-panel-${language}`, snapshot: { ...fixtures.adminPanelSnapshot, language } },
    { name: `maintenance-${language}`, snapshot: { ...fixtures.attractSnapshot, screen: 'out-of-service' as const, language } },
  ]),
  { name: 'small-admin-panel-fr', snapshot: fixtures.adminPanelSnapshot, size: SMALL },
  // Every screen in Arabic, and the screens before a language is chosen with Arabic beside French.
  { name: 'attract-fr-with-ar', snapshot: withArabic(fixtures.attractSnapshot) },
  { name: 'language-fr-with-ar', snapshot: withArabic(fixtures.languageSnapshot) },
  { name: 'out-of-service-fr-with-ar', snapshot: withArabic({ ...fixtures.attractSnapshot, screen: 'out-of-service' }) },
  { name: 'attract-ar', snapshot: ar(fixtures.attractSnapshot) },
  { name: 'language-ar', snapshot: ar(fixtures.languageSnapshot) },
  { name: 'consent-ar', snapshot: ar({ ...fixtures.attractSnapshot, screen: 'consent' }) },
  { name: 'guide-ar', snapshot: ar(fixtures.guideArabicSnapshot) },
  { name: 'home-reading-ar', snapshot: ar(fixtures.homeWithReadingSnapshot) },
  { name: 'home-sites-ar', snapshot: ar(fixtures.homeWithSitesSnapshot) },
  { name: 'home-offline-ar', snapshot: ar(fixtures.homeThermometerOfflineSnapshot) },
  { name: 'measure-waiting-ar', snapshot: ar(fixtures.measureWaitingSnapshot) },
  { name: 'measure-done-ar', snapshot: ar(fixtures.measureDoneSnapshot) },
  { name: 'measure-failed-ar', snapshot: ar(fixtures.measureFailedSnapshot) },
  { name: 'measure-no-reading-ar', snapshot: ar(fixtures.measureNoReadingSnapshot) },
  { name: 'site-opening-ar', snapshot: ar(fixtures.siteOpeningSnapshot) },
  { name: 'site-unreachable-ar', snapshot: ar(fixtures.siteUnreachableSnapshot) },
  { name: 'idle-warning-ar', snapshot: ar(fixtures.idleWarningSnapshot) },
  { name: 'end-ar', snapshot: ar({ ...fixtures.attractSnapshot, screen: 'end' }) },
  { name: 'wipe-ar', snapshot: ar({ ...fixtures.attractSnapshot, screen: 'wipe' }) },
  { name: 'out-of-service-ar', snapshot: ar({ ...fixtures.attractSnapshot, screen: 'out-of-service' }) },
  { name: 'test-mode-home-reading-ar', snapshot: testMode(ar(fixtures.homeWithReadingSnapshot)) },
  { name: 'admin-pin-wrong-ar', snapshot: ar(fixtures.adminPinWrongSnapshot) },
  { name: 'admin-pin-locked-ar', snapshot: ar(fixtures.adminPinLockedSnapshot) },
  { name: 'admin-panel-ar', snapshot: ar(fixtures.adminPanelSnapshot) },
  { name: 'small-home-sites-ar', snapshot: ar(fixtures.homeWithSitesSnapshot), size: SMALL },
  { name: 'tiny-measure-done-ar', snapshot: ar(fixtures.measureDoneSnapshot), size: TINY },
];
/** BORNE_SHOTS_ONLY=ar keeps the shots whose name contains "ar", to look again at one part quickly. */
const only = process.env.BORNE_SHOTS_ONLY;

async function takeShot(browser: Browser, origin: string, shot: Shot): Promise<void> {
  const { page, problems } = await openSnapshot(browser, origin, shot.snapshot, shot.size);
  await shot.act?.(page);
  await page.screenshot({ path: `${outDir}/${shot.name}.png`, animations: 'disabled' });
  await page.close();
  if (problems.length > 0) throw new Error(`${shot.name}: the page logged ${problems.join(' | ')}`);
  console.log(`${outDir}/${shot.name}.png`);
}

const { server, origin } = await serveFolder(buildRenderer());
mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
try {
  for (const shot of shots.filter(({ name }) => !only || name.includes(only))) await takeShot(browser, origin, shot);
} finally {
  await browser.close();
  server.close();
}
