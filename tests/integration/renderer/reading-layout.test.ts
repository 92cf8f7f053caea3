import type { Browser, Page } from '@playwright/test';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../../common/snapshot';
import { HUGE, IMPLAUSIBLE_READINGS } from '../../support/implausible-readings';
import { buildRenderer, launchChromium, openSnapshot } from '../../support/renderer-preview/preview';
import { homeWithReadingSnapshot } from '../../support/renderer-preview/snapshots';
import { serveFolder } from '../../support/renderer-preview/staticServer';

// The built renderer in Debian's Chromium, fed snapshots by the fake preload: no value, however
// large, may push the reading out of its card, the status badge off the card, or the screen sideways.
let server: Server;
let origin: string;
let browser: Browser;
const pages: Page[] = [];

const KIOSK = { width: 1920, height: 1080 };
const TINY = { width: 800, height: 600 };
/** What the old formatting printed for 8.39e133 °C: 134 digits, grouped, then the unit. */
const OLD_HUGE_TEXT = `${new Intl.NumberFormat('fr', { minimumFractionDigits: 1 }).format(HUGE.celsius)} °C`;

beforeAll(async () => {
  ({ server, origin } = await serveFolder(buildRenderer()));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const page of pages) await page.close();
  await browser?.close();
  server?.close();
});

const reading = (celsius: number, language: SessionSnapshot['language'] = 'fr'): SessionSnapshot =>
  ({ ...homeWithReadingSnapshot, language, measurements: { thermometer: { kind: 'thermometer', celsius, site: 'ear', takenAt: null } } });

async function show(snapshot: SessionSnapshot, viewport = KIOSK): Promise<Page> {
  const { page, problems } = await openSnapshot(browser, origin, snapshot, viewport);
  pages.push(page);
  expect(problems).toEqual([]);
  return page;
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;

/** The card, its status badge and (if shown) its reading, and whether anything scrolls sideways. */
async function layoutOf(page: Page) {
  const box = async (selector: string) => page.locator(selector).boundingBox();
  const card = await box('[data-device="thermometer"]');
  if (!card) throw new Error('no thermometer card on screen');
  const viewport = page.viewportSize()!;
  return {
    card,
    badge: await box('[data-device="thermometer"] .status'),
    value: (await page.locator('.reading__value').count()) > 0 ? await box('.reading__value') : null,
    viewport: { x: 0, y: 0, width: viewport.width, height: viewport.height },
    // Text wider than its box is either cut (overflow hidden) or drawn outside the box (overflow visible).
    valueOverflow: await page.evaluate(`(() => {
      const value = document.querySelector('.reading__value');
      if (!value || value.scrollWidth <= value.clientWidth) return 'none';
      return getComputedStyle(value).overflowX === 'visible' ? 'spills' : 'cut';
    })()`),
    // .screen scrolls on overflow (overflow-y: auto makes x scroll too), so check it as well as the page.
    sideways: await page.evaluate(`[document.documentElement, document.querySelector('.screen')]
      .some((el) => el.scrollWidth > el.clientWidth)`),
  };
}

async function expectCardHolds(page: Page): Promise<void> {
  const layout = await layoutOf(page);
  expect(inside(layout.card, layout.viewport), 'card inside the screen').toBe(true);
  expect(layout.badge && inside(layout.badge, layout.card), 'status badge inside the card').toBe(true);
  if (layout.value) expect(inside(layout.value, layout.card), 'reading inside the card').toBe(true);
  expect(layout.valueOverflow, 'reading text drawn within its box').not.toBe('spills');
  expect(layout.sideways, 'nothing scrolls sideways').toBe(false);
}

describe('the thermometer card at extreme values', () => {
  it.each([
    ['fr', 30, '30,0 °C', KIOSK], ['fr', 45, '45,0 °C', KIOSK], ['en', 45, '45.0 °C', KIOSK],
    ['fr', 45, '45,0 °C', TINY], ['en', 30, '30.0 °C', TINY],
  ] as const)('shows a %s reading of %s °C whole, inside its card', async (language, celsius, text, viewport) => {
    const page = await show(reading(celsius, language), viewport);
    await expect.poll(() => page.locator('.reading__value').textContent()).toBe(text);
    await expectCardHolds(page);
    expect((await layoutOf(page)).valueOverflow, 'a plausible reading is never cut').toBe('none');
  });

  it.each(IMPLAUSIBLE_READINGS.map((r) => [r.label, r.celsius] as const))('shows nothing of %s °C that slipped past the host', async (_label, celsius) => {
    const page = await show(reading(celsius));
    expect(await page.locator('.reading__value').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('°C');
    await expectCardHolds(page);
  });

  it('keeps even a 134-digit reading inside its card, should one ever be printed', async () => {
    for (const viewport of [KIOSK, TINY]) {
      const page = await show(reading(37.6), viewport);
      // Not something the renderer prints any more (see above): this checks the CSS on its own.
      await page.locator('.reading__value').evaluate((element, text) => { element.textContent = text; }, OLD_HUGE_TEXT);
      expect(OLD_HUGE_TEXT.replace(/\D/g, '').length).toBeGreaterThanOrEqual(134);
      await expectCardHolds(page);
    }
  });
});
