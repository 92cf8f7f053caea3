/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { withPoliciesInstalled } from '../support/managed-policies';
import { TEST_PROFILE } from '../support/test-profile';
import { visibleWindowNames } from '../support/x-server';
import { expect, onScreen, test } from './fixtures';

// What a page could try, were a script of a site (or of ours) turned against the kiosk. Each attempt
// runs in the kiosk's page; after it, the X server shows one window, Borne's, still on its own page
// and its attract screen.
const ATTEMPTS: Record<string, (page: Page) => Promise<unknown>> = {
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

const policiesMissing = withPoliciesInstalled(test, 'escape-page.spec', TEST_PROFILE);

test(`${Object.keys(ATTEMPTS).length} attempts from the page open nothing and leave the kiosk where it was`, async ({ kioskPage, kiosk }) => {
  test.skip(policiesMissing() !== null, policiesMissing() ?? '');
  test.setTimeout(120_000);
  await expect(onScreen(kioskPage, 'attract')).toBeVisible();
  const kioskUrl = kioskPage.url();
  for (const [name, attempt] of Object.entries(ATTEMPTS)) {
    await attempt(kioskPage).catch(() => {}); // a navigation may end the evaluation: its outcome is what counts
    await kioskPage.waitForTimeout(700);
    await expect.poll(visibleWindowNames, { message: `after ${name}`, timeout: 3_000 }).toEqual(['Borne']);
    expect(kioskPage.url(), `after ${name}`).toBe(kioskUrl);
    // Asked of the document itself: Playwright's locators wait for a navigation that Chromium cancelled.
    await expect.poll(() => kioskPage.evaluate(() => document.querySelector('[data-screen="attract"]') !== null), `after ${name}`).toBe(true);
  }
  // Neither the browser nor the kiosk page's renderer failed on the way (a hang is ended as a crash).
  const failures = ['chromium exited unexpectedly', 'the kiosk page renderer crashed', 'the kiosk page stopped answering; ending its renderer to reload it'];
  expect(kiosk.lines.filter((l) => failures.includes(l.msg as string))).toEqual([]);
  const refused = kiosk.lines.filter((l) => l.msg === 'refused a navigation').length;
  const closed = kiosk.lines.filter((l) => l.msg === 'closed a window the kiosk did not open').length;
  console.log(`escape page: ${Object.keys(ATTEMPTS).length} attempts, ${refused} navigations refused by the policy, ${closed} windows closed by the shell`);
});
