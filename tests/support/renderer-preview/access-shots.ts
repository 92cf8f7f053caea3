/// <reference lib="dom" />
/**
 * Screens at 1280×720 in every text size and in high contrast, with the "see and listen" sheet open or
 * not, saved to /tmp/shots-access/ for a person to look at; each shot also says whether the page
 * scrolls sideways (it must not: the layout reflows). Run: npx tsx tests/support/renderer-preview/access-shots.ts
 */
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { DisplayPreferences } from '../../../common/accessibility';
import type { SessionSnapshot } from '../../../common/snapshot';
import { buildRenderer, launchChromium, openSnapshot } from './preview';
import * as fixtures from './snapshots';
import { serveFolder } from './staticServer';

const outDir = process.env.BORNE_SHOTS_DIR ?? '/tmp/shots-access';
const SMALL = { width: 1280, height: 720 };
const screens: Array<[string, SessionSnapshot]> = [
  ['home', fixtures.homeWithSitesSnapshot],
  ['language', fixtures.languageSnapshot],
  ['measure-done', fixtures.measureDoneSnapshot],
  ['site-unreachable', fixtures.siteUnreachableSnapshot],
  ['idle-warning', fixtures.idleWarningSnapshot],
  ['end', { ...fixtures.attractSnapshot, screen: 'end' }],
];
const displays: DisplayPreferences[] = [
  { textSize: 100, contrast: 'standard' }, { textSize: 150, contrast: 'standard' }, { textSize: 200, contrast: 'standard' },
  { textSize: 100, contrast: 'high' }, { textSize: 200, contrast: 'high' },
];

const openSheet = (page: Page) => page.locator('.access__open').click();

const { server, origin } = await serveFolder(buildRenderer());
mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
try {
  for (const [name, snapshot] of screens) {
    for (const display of displays) {
      for (const sheet of [false, true]) {
        if (sheet && (name !== 'home' || display.textSize === 150)) continue;
        const { page, problems } = await openSnapshot(browser, origin, { ...snapshot, display }, SMALL);
        if (sheet) await openSheet(page);
        const file = `${outDir}/${name}-${display.textSize}-${display.contrast}${sheet ? '-sheet' : ''}.png`;
        await page.screenshot({ path: file, animations: 'disabled' });
        const sideways = await page.evaluate(() => Array.from(document.querySelectorAll('.screen, .access-sheet, .dialog'))
          .some((e) => e.scrollWidth > e.clientWidth + 1));
        await page.close();
        if (problems.length > 0) throw new Error(`${file}: the page logged ${problems.join(' | ')}`);
        console.log(`${file}${sideways ? '  SCROLLS SIDEWAYS' : ''}`);
      }
    }
  }
  // The keyboard under a field at the very bottom of a long screen: the field must end above the keyboard.
  const keyboardShots: Array<[string, SessionSnapshot]> = [
    ['keyboard-fr-100', fixtures.homeWithSitesSnapshot],
    ['keyboard-fr-200-high', { ...fixtures.homeWithSitesSnapshot, display: { textSize: 200, contrast: 'high' } }],
    ['keyboard-en-100', { ...fixtures.homeWithSitesSnapshot, language: 'en' }],
    ['keyboard-en-switched-to-arabic', { ...fixtures.homeWithSitesSnapshot, language: 'en' }],
  ];
  for (const [name, snapshot] of keyboardShots) {
    const { page } = await openSnapshot(browser, origin, snapshot, SMALL);
    // The home screen's search field is still to come: a stand-in at the end of the screen.
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.type = 'search';
      field.setAttribute('aria-label', 'search');
      field.style.fontSize = '1.4rem';
      document.querySelector('main')!.append(field);
    });
    await page.locator('input[type="search"]').click();
    await page.locator('.keyboard').waitFor();
    if (name.endsWith('arabic')) await page.getByRole('button', { name: /عربي/ }).click();
    const letters = name.endsWith('arabic') ? ['ب', 'ي', 'ت'] : ['a', 'b'];
    for (const letter of letters) await page.locator('.keyboard__key', { hasText: new RegExp(`^${letter}$`) }).first().click();
    const geometry = await page.evaluate(() => {
      const field = document.querySelector('input[type="search"]')!.getBoundingClientRect();
      const keys = Array.from(document.querySelectorAll('.keyboard__key')).map((k) => k.getBoundingClientRect());
      return {
        fieldBottom: field.bottom, fieldTop: field.top, keyboardTop: document.querySelector('.keyboard')!.getBoundingClientRect().top,
        smallestKey: Math.min(...keys.map((k) => Math.min(k.width, k.height))),
        focused: document.activeElement?.getAttribute('aria-label'), typed: (document.querySelector('input[type="search"]') as HTMLInputElement).value,
      };
    });
    const file = `${outDir}/${name}.png`;
    await page.screenshot({ path: file, animations: 'disabled' });
    await page.close();
    const covered = geometry.fieldBottom > geometry.keyboardTop || geometry.fieldTop < 0;
    console.log(`${file}  ${JSON.stringify(geometry)}${covered ? '  FIELD NOT IN VIEW' : ''}${geometry.smallestKey < 48 ? '  KEY UNDER 48 PX' : ''}`);
  }
} finally {
  await browser.close();
  server.close();
}
