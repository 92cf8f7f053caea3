// Thousands of visits back to back on one kiosk host, each opening a stand-in site that reads back what an
// earlier visit left and writes storage and a cookie, then ended and wiped. Figures at the end beside the
// same figures after the first 100 visits (the baseline): host memory (RSS), the kiosk page's JavaScript
// heap after a garbage collection, the time a visit takes; and over the whole run, the crashes, relaunches
// and failed wipes the host logged, and the visits that found anything of an earlier one.
// Run: npm run bench soak [visits]   (2,000 by default; at least 100)
import { readFileSync } from 'node:fs';
import { startSiteKiosk, type KioskDriver } from '../kiosk-driver';
import type { Benchmark, Figure } from '../run';
import { median } from '../stats';

const DEFAULT_VISITS = 2_000;
const BASELINE_VISITS = 100;
/** A progress line on stderr, with the figures so far, every this many visits. */
const PROGRESS_EVERY = 100;
/** What the host logs when a part of the kiosk fell over (lines are counted before the log's throttle, up to ten per 10 s each). */
const CRASH_LINES = ['chromium exited unexpectedly', 'the kiosk page renderer crashed', 'the kiosk page failed: reloading it and ending any visit'];
const RELAUNCH_LINE = 'relaunching chromium';

function hostRssMegabytes(pid: number): number {
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round(kilobytes / 1024);
}

/** The kiosk page's JavaScript heap in use once garbage is collected: what it keeps, not what it churns. */
async function rendererHeapMegabytes(driver: KioskDriver): Promise<number> {
  const session = await driver.page.context().newCDPSession(driver.page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return Math.round((usedSize / 1024 / 1024) * 10) / 10;
  } finally {
    await session.detach();
  }
}

const soak: Benchmark = async (args) => {
  const visits = Number(args[0] ?? DEFAULT_VISITS);
  if (!Number.isInteger(visits) || visits < BASELINE_VISITS) throw new Error(`soak: the visit count must be a whole number of at least ${BASELINE_VISITS}`);
  const site = await startSiteKiosk('bench-soak');
  const { kiosk, driver } = site;
  const hostPid = kiosk.process.pid!;
  const durations: number[] = [];
  let sawEarlierVisit = 0;
  let siteNotLoaded = 0;
  let brokenVisits = 0;
  let failedWipes = 0;
  let baseline = { rss: 0, heap: 0 };
  const start = { rss: hostRssMegabytes(hostPid), heap: await rendererHeapMegabytes(driver) };
  try {
    for (let visit = 1; visit <= visits; visit++) {
      const times = await driver.visit(site.siteUrl).catch(async (error: unknown) => {
        process.stderr.write(`soak: visit ${visit} broke (${String(error).split('\n')[0]}); going on once attract is back\n`);
        brokenVisits++;
        await driver.reconnect();
        return null;
      });
      if (!times) continue;
      durations.push(times.wholeVisitMs);
      if (times.siteFoundBefore === null) siteNotLoaded++;
      else if (times.siteFoundBefore !== '||') sawEarlierVisit++;
      if (times.wipeFailed) failedWipes++;
      if (visit === BASELINE_VISITS) baseline = { rss: hostRssMegabytes(hostPid), heap: await rendererHeapMegabytes(driver) };
      if (visit % PROGRESS_EVERY === 0) {
        const heap = await rendererHeapMegabytes(driver);
        process.stderr.write(`soak: ${visit} visits, host RSS ${hostRssMegabytes(hostPid)} MB, kiosk page JS heap ${heap} MB, `
          + `median visit of the last ${PROGRESS_EVERY} ${Math.round(median(durations.slice(-PROGRESS_EVERY)))} ms, `
          + `failed wipes ${failedWipes}, sites not loaded ${siteNotLoaded}, visits that saw an earlier one ${sawEarlierVisit}\n`);
      }
    }
    const end = { rss: hostRssMegabytes(hostPid), heap: await rendererHeapMegabytes(driver) };
    const count = (messages: readonly string[]) => kiosk.lines.filter((l) => messages.includes(String(l.msg))).length;
    const figure = (metric: string, value: number, unit: string): Figure => ({ bench: 'soak', metric, value, unit });
    const last = durations.slice(-BASELINE_VISITS);
    return [
      figure('host RSS before the first visit', start.rss, 'MB'),
      figure(`baseline: host RSS after ${BASELINE_VISITS} visits`, baseline.rss, 'MB'),
      figure(`host RSS after ${visits} visits`, end.rss, 'MB'),
      figure('kiosk page JS heap (after GC) before the first visit', start.heap, 'MB'),
      figure(`baseline: kiosk page JS heap (after GC) after ${BASELINE_VISITS} visits`, baseline.heap, 'MB'),
      figure(`kiosk page JS heap (after GC) after ${visits} visits`, end.heap, 'MB'),
      figure(`baseline: visit, attract to attract painted, median of the first ${BASELINE_VISITS}`, Math.round(median(durations.slice(0, BASELINE_VISITS))), 'ms'),
      figure(`visit, attract to attract painted, median of the last ${BASELINE_VISITS}`, Math.round(median(last)), 'ms'),
      figure(`crashes logged (browser, kiosk page) in ${visits} visits`, count(CRASH_LINES), 'events'),
      figure(`chromium relaunches in ${visits} visits`, count([RELAUNCH_LINE]), 'events'),
      figure(`failed wipes (out of service) in ${visits} visits`, failedWipes, 'visits'),
      figure(`visits whose site found anything of an earlier visit, in ${visits}`, sawEarlierVisit, 'visits'),
      figure(`visits whose site page did not load within 10 s, in ${visits}`, siteNotLoaded, 'visits'),
      figure(`visits the driver lost (the page crashed or stopped answering it), in ${visits}`, brokenVisits, 'visits'),
    ];
  } finally {
    await site.stop();
  }
};

export default soak;
