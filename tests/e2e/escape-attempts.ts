/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test';

/**
 * What a page could try, were a script of a site (or of ours) turned against the kiosk. Each attempt runs
 * in the kiosk's page; after it, the kiosk shows one window, still on its own page and its attract
 * screen. One list for both shells: escape-page.spec.ts (Chromium) and escape-electron.spec.ts.
 */
export const ESCAPE_ATTEMPTS: Record<string, (page: Page) => Promise<unknown>> = {
  'window.open to another site': (page) => page.evaluate(() => void window.open('https://example.org/', '_blank')),
  'window.open of a kiosk page': (page) => page.evaluate(() => void window.open(location.href, 'other')),
  'a link with target=_blank': (page) => page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: 'https://example.org/', target: '_blank' });
    document.body.append(link);
    link.click();
  }),
  'leaving for another site': (page) => page.evaluate(() => void (location.href = 'https://example.org/')),
  'a redirect through the kiosk\'s own server': (page) => page.evaluate(() => void (location.href = '/..%2f..%2fredirect?to=https://example.org/')),
  'file:///etc/passwd': (page) => page.evaluate(() => void (location.href = 'file:///etc/passwd')),
  'chrome://settings': (page) => page.evaluate(() => void (location.href = 'chrome://settings')),
  'view-source: of the kiosk': (page) => page.evaluate(() => void (location.href = `view-source:${location.href}`)),
  'a data: page': (page) => page.evaluate(() => void (location.href = 'data:text/html,<h1>not the kiosk</h1>')),
  'a mailto: link': (page) => page.evaluate(() => void (location.href = 'mailto:agent@mairie.example')),
  'a tel: link': (page) => page.evaluate(() => void (location.href = 'tel:+33100000000')),
  'an intent: link': (page) => page.evaluate(() => void (location.href = 'intent://scan/#Intent;scheme=zxing;end')),
  'a form posting to another site': (page) => page.evaluate(() => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action: 'https://example.org/collect' });
    document.body.append(form);
    form.submit();
  }),
  'a foreign iframe': (page) => page.evaluate(() => {
    const frame = Object.assign(document.createElement('iframe'), { src: 'https://example.org/' });
    document.body.append(frame);
  }),
  'a download link': (page) => page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: location.href, download: 'kiosk.html' });
    document.body.append(link);
    link.click();
  }),
  'window.print()': (page) => page.evaluate(() => void setTimeout(() => window.print(), 0)),
  'a geolocation prompt': (page) => page.evaluate(() => void navigator.geolocation.getCurrentPosition(() => {}, () => {})),
  'a notification prompt': (page) => page.evaluate(() => void Notification.requestPermission()),
  'a camera prompt': (page) => page.evaluate(() => void navigator.mediaDevices?.getUserMedia({ video: true }).catch(() => {})),
  'a file dropped on the window': async (page) => {
    const input = await page.context().newCDPSession(page);
    const data = { items: [], files: ['/etc/passwd'], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await input.send('Input.dispatchDragEvent', { type, x: 200, y: 200, data });
    await input.detach();
  },
  'history back past the first page': (page) => page.evaluate(() => { history.back(); history.go(-3); }),
};

/** Runs every attempt in `page`, and after each checks that the kiosk is where it was (`oneWindow` included). */
export async function tryEveryEscape(page: Page, oneWindow: (attempt: string) => Promise<void>): Promise<void> {
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  const kioskUrl = page.url();
  for (const [name, attempt] of Object.entries(ESCAPE_ATTEMPTS)) {
    await attempt(page).catch(() => {}); // a navigation may end the evaluation: its outcome is what counts
    await page.waitForTimeout(700);
    await oneWindow(name);
    expect(page.url(), `after ${name}`).toBe(kioskUrl);
    // Asked of the document itself: Playwright's locators wait for a navigation that Chromium cancelled.
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-screen="attract"]') !== null), `after ${name}`).toBe(true);
  }
}
