import type { Browser, Page } from '@playwright/test';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../common/language';
import type { SessionSnapshot } from '../../../common/snapshot';
import { axeViolations } from '../../support/axe';
import { buildRenderer, launchChromium, openSnapshot } from '../../support/renderer-preview/preview';
import * as fixtures from '../../support/renderer-preview/snapshots';
import { adminPinSnapshot, homeWithSitesSnapshot, idleWarningSnapshot } from '../../support/renderer-preview/snapshots';
import { serveFolder } from '../../support/renderer-preview/staticServer';

// The built renderer in Debian's Chromium: an Arabic visit is a mirror of a French one, drawn in a
// font made for Arabic, with its numbers still reading left to right.
let server: Server;
let origin: string;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  ({ server, origin } = await serveFolder(buildRenderer()));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const page of pages) await page.close();
  await browser?.close();
  server?.close();
});

const inArabic = (snapshot: SessionSnapshot): SessionSnapshot => ({ ...snapshot, language: 'ar', offeredLanguages: ['fr', 'en', 'ar'] });

async function show(snapshot: SessionSnapshot, viewport?: { width: number; height: number }): Promise<Page> {
  const { page, problems } = await openSnapshot(browser, origin, snapshot, viewport);
  pages.push(page);
  expect(problems).toEqual([]);
  return page;
}

const middleX = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box.x + box.width / 2;
};

/** Where on screen the first and last characters of `text` inside `selector` are drawn. */
const characterXs = (page: Page, selector: string) => page.locator(selector).evaluate((element) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode() as Text;
  const at = (offset: number) => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return range.getBoundingClientRect().x;
  };
  return { first: at(0), last: at(node.length - 1) };
});

/** The fonts Chromium really drew `selector`'s text with (not what the CSS asked for). */
async function fontsDrawing(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  await cdp.send('CSS.enable');
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => font.familyName);
}


describe('an Arabic visit', () => {
  it('mirrors home: the first device on the right, each card with its pictogram on the right and its text aligned right', async () => {
    const french = await show(homeWithSitesSnapshot);
    expect(await middleX(french, '[data-device="thermometer"]')).toBeLessThan(await middleX(french, '[data-device="pulseOximeter"]'));

    const arabic = await show(inArabic(homeWithSitesSnapshot));
    expect(await arabic.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(await middleX(arabic, '[data-device="thermometer"]')).toBeGreaterThan(await middleX(arabic, '[data-device="pulseOximeter"]'));
    const card = '[data-device="thermometer"]';
    expect(await middleX(arabic, `${card} .device-card__pictogram`)).toBeGreaterThan(await middleX(arabic, `${card} .device-card__body`));
    const [title, body] = await Promise.all([arabic.locator(`${card} h2`).boundingBox(), arabic.locator(`${card} .reading__label`).boundingBox()]);
    expect(Math.abs(title!.x + title!.width - (body!.x + body!.width))).toBeLessThan(2);
    expect(await arabic.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });

  it('keeps "37.6 °C" reading left to right inside the right-to-left card', async () => {
    const page = await show(inArabic(homeWithSitesSnapshot));
    await expect.poll(() => page.locator('[data-device="thermometer"] .reading__value').textContent()).toBe('37.6 °C');
    const { first, last } = await characterXs(page, '[data-device="thermometer"] .reading__value');
    expect(first, '"3" drawn left of "C"').toBeLessThan(last);
  });

  it('keeps the countdown and its unit readable', async () => {
    const page = await show(inArabic(idleWarningSnapshot));
    await expect.poll(() => page.locator('.countdown').innerText()).toMatch(/^12\s+ثانية$/);
  });

  it('draws Arabic in Noto Sans Arabic UI, and a Latin name inside it in a Latin font', async () => {
    const page = await show(inArabic(homeWithSitesSnapshot));
    expect(await fontsDrawing(page, '[data-device="thermometer"] h2')).toEqual(['Noto Sans Arabic UI']);
    // "الخدمة العامة (Service Public)": both scripts, each in its own face.
    const tile = await fontsDrawing(page, '.site-tile__label');
    expect(tile).toContain('Noto Sans Arabic UI');
    expect(tile.some((font) => font !== 'Noto Sans Arabic UI')).toBe(true);
  });

  it('turns a pictogram that points (pictogram--directional) round in Arabic only', async () => {
    const transformOf = (page: Page) => page.evaluate(() => {
      const arrow = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      arrow.setAttribute('class', 'pictogram pictogram--directional');
      document.querySelector('main')!.append(arrow);
      return getComputedStyle(arrow).transform;
    });
    expect(await transformOf(await show(inArabic(homeWithSitesSnapshot)))).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(await transformOf(await show(homeWithSitesSnapshot))).toBe('none');
  });

  it("turns round the signs that point along the line in Arabic only: the guide's back and website arrows, the keyboard's erase", async () => {
    const transformsOf = async (language: Language) => {
      const guide = await show(fixtures.shippedGuideSnapshot('passport', language));
      const arrows = await Promise.all(['.guide-bar > button:first-child svg', '.guide-bar__start svg'].map((selector) =>
        guide.locator(selector).evaluate((element) => getComputedStyle(element).transform)));
      const home = await show(fixtures.homeCatalogSnapshot(language));
      await home.locator('.search__input').focus();
      const erase = await home.locator('.keyboard__symbol').evaluate((element) => getComputedStyle(element).transform);
      return [...arrows, erase];
    };
    const turned = 'matrix(-1, 0, 0, 1, 0, 0)';
    expect(await transformsOf('ar')).toEqual([turned, turned, turned]);
    expect(await transformsOf('fr')).toEqual(['none', 'none', 'none']);
  });

  it('keeps the PIN keypad 1 2 3 from left to right, as on a phone', async () => {
    const page = await show(inArabic(adminPinSnapshot));
    expect(await middleX(page, '.keypad__key >> text="1"')).toBeLessThan(await middleX(page, '.keypad__key >> text="3"'));
  });

  it.each([
    ['attract', { ...fixtures.attractSnapshot }], ['language', fixtures.languageSnapshot], ['consent', { ...fixtures.attractSnapshot, screen: 'consent' as const }],
    ['guide', fixtures.guideArabicSnapshot], ['home', homeWithSitesSnapshot], ['home, a device offline', fixtures.homeThermometerOfflineSnapshot],
    ['measure', fixtures.measureDoneSnapshot], ['measure failed', fixtures.measureFailedSnapshot], ['site unreachable', fixtures.siteUnreachableSnapshot],
    ['idle warning', idleWarningSnapshot], ['end', { ...fixtures.attractSnapshot, screen: 'end' as const }],
    ['out of service', { ...fixtures.attractSnapshot, screen: 'out-of-service' as const }], ['admin PIN', fixtures.adminPinWrongSnapshot], ['admin panel', fixtures.adminPanelSnapshot],
  ] as const)('shows %s in Arabic with no WCAG 2.1 AA violation (axe-core)', async (_name, snapshot) => {
    const page = await show(inArabic(snapshot));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('would see a violation: axe-core runs in the page and reports what it finds', async () => {
    const page = await show(inArabic(fixtures.attractSnapshot));
    // A picture without a text alternative, added to the screen: the one violation axe must report.
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:,', id: 'unnamed' })));
    expect(await axeViolations(page)).toEqual(['image-alt: #unnamed']);
  });

  it('leaves a French visit left to right, in its Latin font', async () => {
    const page = await show(homeWithSitesSnapshot);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await fontsDrawing(page, '[data-device="thermometer"] h2')).not.toContain('Noto Sans Arabic UI');
  });
});
