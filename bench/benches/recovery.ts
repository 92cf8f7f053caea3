// How long a visitor waits when the kiosk page's renderer dies in the middle of a visit: from the kill
// (CDP Page.crash) to the attract screen painted again, the visit wiped in between. Beside it, measured
// in the same run, what a cold start to attract painted costs: the recovery should be well under it.
// Run: npm run bench recovery
import { chromium } from '@playwright/test';
import { setTimeout as delay } from 'node:timers/promises';
import type { Benchmark } from '../run';
import { median } from '../stats';
import { removeProfile, startKiosk, writeProfile, type KioskProcess } from '../../tests/support/kiosk-process';
import { kioskBoot } from './boot';

const RUNS = 10;
/**
 * The host summarises a log line after ten of its kind within 10 s, and the painted line is what is
 * timed here: one recovery (language, home, then wipe and attract painted) per window keeps it whole.
 */
const SPACING_MS = 10_500;

/** Starts a visit on the kiosk page, kills its renderer, and times the host's "view painted" attract line. */
async function crashToAttract(kiosk: KioskProcess): Promise<number> {
  const browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
  try {
    const page = browser.contexts()[0]!.pages()[0]!;
    await page.locator('[data-screen="attract"]').click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-screen="consent"] button').first().click(); // the notice of what is kept: nothing personal
    await page.locator('[data-screen="home"]').waitFor();
    const from = kiosk.lines.length;
    const devtools = await page.context().newCDPSession(page);
    const crashedAt = Date.now();
    void devtools.send('Page.crash').catch(() => {}); // the renderer dies before it can answer
    const painted = await kiosk.waitForLog((l) => kiosk.lines.indexOf(l) >= from && l.msg === 'view painted' && l.screen === 'attract');
    if (!kiosk.lines.slice(from).some((l) => l.msg === 'visit wiped and verified')) throw new Error('attract came back without the visit wiped');
    // pino's `time` is the host's Date.now() when it wrote the line: the same clock as crashedAt.
    return (painted.time as number) - crashedAt;
  } finally {
    await browser.close(); // disconnects only
  }
}

const recovery: Benchmark = async () => {
  // The default watchdog gives up after three failures in two minutes; this kiosk recovers every time.
  const profile = writeProfile({
    kiosk: { id: 'bench-recovery', name: 'Recovery bench', purpose: 'test' },
    languages: { offered: ['fr', 'en'], default: 'fr' },
    session: { idleTimeoutSeconds: 120, idleWarningSeconds: 10, endScreenSeconds: 2 },
    watchdog: { maxFailures: 100, failureWindowSeconds: 10 },
    shell: { allowTestAutomation: true },
  });
  try {
    const recoveries: number[] = [];
    const kiosk = await startKiosk(profile);
    try {
      for (let run = 0; run < RUNS; run++) {
        const started = Date.now();
        recoveries.push(await crashToAttract(kiosk));
        await delay(Math.max(0, SPACING_MS - (Date.now() - started)));
      }
    } finally {
      await kiosk.stop();
    }
    // Cold starts after, not during: two kiosks at once would slow both.
    const coldStarts: number[] = [];
    for (let run = 0; run < RUNS; run++) coldStarts.push(await kioskBoot(profile));
    const round = (ms: number) => Math.round(ms);
    return [
      { bench: 'recovery', metric: `renderer killed mid-visit to attract painted again, visit wiped, median of ${RUNS}`, value: round(median(recoveries)), unit: 'ms' },
      { bench: 'recovery', metric: `baseline: kiosk cold start to attract painted, median of ${RUNS}`, value: round(median(coldStarts)), unit: 'ms' },
    ];
  } finally {
    removeProfile(profile);
  }
};

export default recovery;
