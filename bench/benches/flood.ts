// What a flood on the bridge costs a person at the screen: the time from a real tap on the attract
// screen to the next screen on the page, and the host's resident memory, with three clients flooding the
// bridge and never reading, against the same kiosk idle. Run: npm run bench flood
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import type { Benchmark } from '../run';
import { median } from '../stats';
import { floodFor, sampleRss } from '../../tests/support/bridge-flood';
import { startKiosk } from '../../tests/support/kiosk-process';

const TAPS = 5;
const FLOOD_MESSAGES = ['{"type":"USER.ACTIVITY"}', '{not json', '{"type":"ADMIN.EXIT"}', '{"type":"VIEW.PAINTED","screen":"home"}'];

/**
 * Milliseconds from a tap on attract to the language screen on the page: the tap goes to the host over
 * the bridge, the host's snapshot comes back, the page draws it. (Not from the host's "view painted"
 * log line: repeated log lines are summarised, and five visits in a few seconds repeat them.)
 */
async function tapToPainted(page: Page): Promise<number> {
  await page.locator('[data-screen="attract"]').waitFor();
  const tappedAt = performance.now();
  await page.locator('[data-screen="attract"]').click();
  await page.locator('[data-screen="language"]').waitFor();
  const painted = performance.now() - tappedAt;
  // Back to attract the way a person leaves: a language, the notice, "I'm done", then the end screen.
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('[data-screen="consent"] button').first().click();
  await page.getByRole('button', { name: /done/i }).click();
  await page.locator('[data-screen="end"]').click();
  return Math.round(painted);
}

async function taps(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < TAPS; i++) times.push(await tapToPainted(page));
  return times;
}

const flood: Benchmark = async () => {
  const kiosk = await startKiosk();
  const browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
  try {
    const page = browser.contexts()[0]!.pages()[0]!;
    const token = await page.evaluate(() => (window as unknown as { borneLaunchToken: string }).borneLaunchToken);
    const target = { origin: new URL(page.url()).origin, token };

    const idleTaps = await taps(page);
    const memory = sampleRss(kiosk.process.pid!);
    const flooding = floodFor(20_000, target, FLOOD_MESSAGES);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the flood reach its pace
    const floodTaps = await taps(page);
    const { frames } = await flooding;
    const { startMb, peakMb } = memory.stop();
    return [
      { bench: 'flood', metric: `tap to next screen painted, ${frames} flood frames over 20 s, median of ${TAPS}`, value: median(floodTaps), unit: 'ms' },
      { bench: 'flood', metric: `baseline: tap to next screen painted, idle, median of ${TAPS}`, value: median(idleTaps), unit: 'ms' },
      { bench: 'flood', metric: 'host resident memory, peak during the flood', value: peakMb, unit: 'MB' },
      { bench: 'flood', metric: 'baseline: host resident memory before the flood', value: startMb, unit: 'MB' },
    ];
  } finally {
    await browser.close();
    await kiosk.stop();
  }
};

export default flood;
