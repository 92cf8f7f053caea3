/**
 * Borne's bar on a stand-in site, in each language, at rest, counting down and in each state of the
 * hand (assisted mode), saved for a person to look at. Run: npx tsx tests/support/site-bar-preview/screenshots.ts (BORNE_SHOTS_DIR to choose where).
 */
import { mkdirSync } from 'node:fs';
import { LANGUAGES } from '../../../common/language';
import { SITE_BAR_UPDATE, type SiteBarState } from '../../../main/shells/site-bar/bar-script';
import { launchChromium } from '../renderer-preview/preview';
import { openSiteWithBar, serveStandInSite } from './open-site';

const STATES: Record<string, SiteBarState> = {
  countdown: { secondsLeft: 12, hand: null },
  help: { secondsLeft: null, hand: { hand: 'citizen', agentName: null, helpAsked: false } },
  'help-coming': { secondsLeft: null, hand: { hand: 'citizen', agentName: null, helpAsked: true } },
  agent: { secondsLeft: null, hand: { hand: 'agent', agentName: 'Marie', helpAsked: false } },
};
const outDir = process.env.BORNE_SHOTS_DIR ?? '/tmp/borne-shots';
mkdirSync(outDir, { recursive: true });
const site = await serveStandInSite();
const browser = await launchChromium();
try {
  for (const language of LANGUAGES) {
    const { page } = await openSiteWithBar(browser, site.origin, language);
    await page.screenshot({ path: `${outDir}/site-bar-${language}.png` });
    for (const [name, state] of Object.entries(STATES)) {
      await page.evaluate(([update, shown]) => (globalThis as unknown as Record<string, (state: unknown) => void>)[update]!(shown), [SITE_BAR_UPDATE, state] as const);
      await page.screenshot({ path: `${outDir}/site-bar-${name}-${language}.png` });
    }
    await page.close();
    console.log(`${outDir}/site-bar-{,${Object.keys(STATES).join(',')}-}${language}.png`);
  }
} finally {
  await browser.close();
  site.close();
}
