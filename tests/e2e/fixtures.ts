import { chromium, test as base, type Browser, type Page } from '@playwright/test';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { startStandInSites, type StandInSites } from '../support/stand-in-sites';
import { TEST_PROFILE } from '../support/test-profile';

/**
 * `kiosk` is the real host process on the Chromium shell; `screen` is the kiosk's own page, reached
 * through the test CDP endpoint, so each click goes through the real bridge to the real machine.
 */
export const test = base.extend<{ kioskProfile: string; kiosk: KioskProcess; kioskPage: Page }>({
  kioskProfile: [TEST_PROFILE, { option: true }],
  kiosk: async ({ kioskProfile }, use) => {
    const kiosk = await startKiosk(kioskProfile);
    await use(kiosk);
    const code = await kiosk.stop();
    if (code !== 0) throw new Error(`the kiosk exited with code ${code} on SIGTERM`);
  },
  kioskPage: async ({ kiosk }, use) => {
    const browser: Browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
    const page = browser.contexts()[0]?.pages()[0];
    if (!page) throw new Error('the kiosk has no page');
    await use(page);
    await browser.close(); // disconnects Playwright; the kiosk's Chromium stays under the host's control
  },
});

/** The kiosk beside stand-in official sites on loopback (tests/support/stand-in-sites.ts); a spec's profile lists them. */
export const testOnSites = test.extend<{ sites: StandInSites }>({
  sites: async ({}, use) => {
    const sites = await startStandInSites();
    await use(sites);
    await sites.close();
  },
});

export { expect } from '@playwright/test';

export const onScreen = (page: Page, screen: string) => page.locator(`[data-screen="${screen}"]`);

/** "I understand" on the consent notice, in whatever language the visit speaks. */
export const acceptNotice = (page: Page) => onScreen(page, 'consent').locator('[data-consent="accept"]').click();
