/**
 * Checks the guided visit's screens for WCAG 2.1 A and AA violations with axe-core, in each language,
 * through the built renderer in Chromium with a fake preload (no kiosk needed). Prints each violation
 * and exits non-zero on any. Run: npx tsx tests/support/renderer-preview/axeVisit.ts
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { SessionSnapshot } from '../../../common/snapshot';
import { buildRenderer, launchChromium, openSnapshot } from './preview';
import * as fixtures from './snapshots';
import { serveFolder } from './staticServer';

interface Check { name: string; snapshot: SessionSnapshot; act?: (page: Page) => Promise<void> }

const checks: Check[] = (['fr', 'en'] as const).flatMap((language) => [
  { name: `attract-${language}`, snapshot: { ...fixtures.attractSnapshot, language } },
  { name: `consent-${language}`, snapshot: { ...fixtures.consentSnapshot, language } },
  { name: `home-${language}`, snapshot: fixtures.homeCatalogSnapshot(language) },
  { name: `home-devices-${language}`, snapshot: { ...fixtures.homeCatalogWithDevicesSnapshot, language } },
  { name: `home-search-${language}`, snapshot: fixtures.homeCatalogSnapshot(language), act: (page) => page.getByRole('searchbox').fill('carte') },
  { name: `home-nothing-${language}`, snapshot: fixtures.homeCatalogSnapshot(language), act: (page) => page.getByRole('searchbox').fill('xylophone') },
  { name: `guide-${language}`, snapshot: fixtures.shippedGuideSnapshot('passport', language) },
  { name: `end-${language}`, snapshot: { ...fixtures.endSnapshot, language } },
  { name: `end-rated-${language}`, snapshot: { ...fixtures.endRatedSnapshot, language } },
]);

const { server, origin } = await serveFolder(buildRenderer());
const browser = await launchChromium();
let violations = 0;
try {
  for (const check of checks) {
    for (const size of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }]) {
      const { page } = await openSnapshot(browser, origin, check.snapshot, size);
      await check.act?.(page);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const violation of result.violations) {
        violations += 1;
        console.log(`${check.name} ${size.width}x${size.height}: ${violation.id} (${violation.impact}): ${violation.help}`);
        for (const node of violation.nodes.slice(0, 3)) console.log(`    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${checks.length * 2} screens checked, ${violations} violation(s)`);
process.exitCode = violations === 0 ? 0 : 1;
