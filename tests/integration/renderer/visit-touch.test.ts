/// <reference lib="dom" />
import type { Browser, Page } from '@playwright/test';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RendererEvent } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';
import { buildRenderer, launchChromium, openSnapshot } from '../../support/renderer-preview/preview';
import type { FakePreloadWindow } from '../../support/renderer-preview/fakePreload';
import { endSnapshot, homeCatalogSnapshot } from '../../support/renderer-preview/snapshots';
import { serveFolder } from '../../support/renderer-preview/staticServer';

// Where a finger lands, in the built renderer in Debian's Chromium (jsdom has no layout): on the end
// screen the answers are the only targets above the screen-sized "finish" button; on home, every tile
// is a touch target of at least 48 px and a group shortcut brings its section into view.
let server: Server;
let origin: string;
let browser: Browser;
const SIZES = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }, { width: 1080, height: 1920 }];

beforeAll(async () => {
  ({ server, origin } = await serveFolder(buildRenderer()));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function show(snapshot: SessionSnapshot, viewport: { width: number; height: number }): Promise<Page> {
  const { page, problems } = await openSnapshot(browser, origin, snapshot, viewport);
  expect(problems).toEqual([]);
  return page;
}

/** What the page sent, besides paint and liveness reports. */
const sent = (page: Page) => page.evaluate(() => (globalThis as unknown as FakePreloadWindow).borneSent
  .filter((event: RendererEvent) => !['VIEW.PAINTED', 'VIEW.ALIVE', 'USER.ACTIVITY'].includes(event.type)));

/** A real touch at the centre of what `selector` matches, wherever the page's layers put it. */
async function touch(page: Page, selector: string, at: 'centre' | 'between-answers' = 'centre'): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  if (at === 'centre') await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  else await page.mouse.click(box.x + box.width + 4, box.y + box.height / 2);
}

describe.each(SIZES)('the end screen at $width×$height', (size) => {
  it('rates with an answer, and the answer does not also leave', async () => {
    const page = await show(endSnapshot, size);
    await touch(page, '[data-rating="neutral"]');
    expect(await sent(page)).toEqual([{ type: 'SATISFACTION.RATE', rating: 'neutral' }]);
    await page.close();
  });

  it.each(['h1', '.satisfaction__question', '.lead'])('leaves with a touch on %s', async (selector) => {
    const page = await show(endSnapshot, size);
    await touch(page, selector);
    expect(await sent(page)).toEqual([{ type: 'END.DISMISS' }]);
    await page.close();
  });

  it('leaves with a touch just beside an answer', async () => {
    const page = await show(endSnapshot, size);
    await touch(page, '[data-rating="good"]', 'between-answers');
    expect(await sent(page)).toEqual([{ type: 'END.DISMISS' }]);
    await page.close();
  });
});

describe.each(SIZES)('home at $width×$height', (size) => {
  it('offers every procedure as a tile at least 48 px each way', async () => {
    const page = await show(homeCatalogSnapshot('fr'), size);
    const boxes = await page.locator('[data-procedure]').evaluateAll((tiles) => tiles.map((tile) => tile.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBe(homeCatalogSnapshot('fr').catalog!.groups.flatMap((group) => group.procedures).length);
    for (const box of boxes) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
    await page.close();
  });

  it('brings a group into view with its shortcut, the bar staying in place', async () => {
    const page = await show(homeCatalogSnapshot('fr'), size);
    await page.getByRole('button', { name: 'Énergie', exact: true }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Énergie' });
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => {
      const box = (await heading.boundingBox())!;
      return box.y + box.height <= size.height;
    }).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollTop)).toBe(0);
    const finish = (await page.getByRole('button', { name: "J'ai terminé" }).boundingBox())!;
    expect(finish.y).toBeGreaterThanOrEqual(0);
    expect(finish.y + finish.height).toBeLessThanOrEqual(size.height);
    await page.close();
  });
});
