/**
 * Borne's bar on a stand-in site, in each language, at rest and counting down, saved for a person to
 * look at. Run: npx tsx tests/support/site-bar-preview/screenshots.ts (BORNE_SHOTS_DIR to choose where).
 */
import { mkdirSync } from 'node:fs';
import { LANGUAGES } from '../../../common/language';
import { SITE_BAR_WARN } from '../../../main/shells/site-bar/bar-script';
import { launchChromium } from '../renderer-preview/preview';
import { openSiteWithBar, serveStandInSite } from './open-site';

const outDir = process.env.BORNE_SHOTS_DIR ?? '/tmp/borne-shots';
mkdirSync(outDir, { recursive: true });
const site = await serveStandInSite();
const browser = await launchChromium();
try {
  for (const language of LANGUAGES) {
    const { page } = await openSiteWithBar(browser, site.origin, language);
    await page.screenshot({ path: `${outDir}/site-bar-${language}.png` });
    await page.evaluate((warn) => (globalThis as unknown as Record<string, (secondsLeft: number) => void>)[warn]!(12), SITE_BAR_WARN);
    await page.screenshot({ path: `${outDir}/site-bar-countdown-${language}.png` });
    await page.close();
    console.log(`${outDir}/site-bar-${language}.png ${outDir}/site-bar-countdown-${language}.png`);
  }
} finally {
  await browser.close();
  site.close();
}
