import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll } from 'vitest';
import type { Language } from '../../../common/language';
import { launchChromium } from '../renderer-preview/preview';
import { openSiteWithBar, serveStandInSite } from './open-site';

/**
 * For a vitest file about Borne's bar: a stand-in site and a Chromium, up before its tests and gone
 * after them; `open` shows the stand-in page with the bar in a new page, closed at the end too.
 */
export function siteBarRig(): { open: (language: Language) => ReturnType<typeof openSiteWithBar> } {
  let site: Awaited<ReturnType<typeof serveStandInSite>> | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    site = await serveStandInSite();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const page of pages) await page.close();
    await browser?.close();
    site?.close();
  });
  return {
    open: async (language) => {
      const opened = await openSiteWithBar(browser!, site!.origin, language);
      pages.push(opened.page);
      return opened;
    },
  };
}
