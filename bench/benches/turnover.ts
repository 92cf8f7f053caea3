// How long the next person waits between visits: from "end" tapped (the end screen dismissed at once) to
// the attract screen painted again, the visit wiped and proven in between, over 50 visits that each
// wrote storage and a cookie on a stand-in site. Beside it, in the same run, what other kiosk shells do
// between visits: end the browser, delete its profile, launch it on a fresh one, first paint (of a
// static page: a lower bound for theirs). Run: npm run bench turnover
import { performance } from 'node:perf_hooks';
import { findChromium } from '../../main/shells/chromium/find-chromium';
import { bareChromium } from '../bare-chromium';
import { startSiteKiosk } from '../kiosk-driver';
import type { Benchmark, Figure } from '../run';
import { median, percentile } from '../stats';

const VISITS = 50;

const turnover: Benchmark = async () => {
  const chromium = findChromium();
  if (!chromium.ok) throw new Error(chromium.error);
  const wiped: number[] = [];
  let failedWipes = 0;
  const site = await startSiteKiosk('bench-turnover');
  try {
    await site.driver.visit(site.siteUrl); // warm-up: the first visit loads the site and the renderer's code
    for (let run = 0; run < VISITS; run++) {
      const times = await site.driver.visit(site.siteUrl);
      wiped.push(times.endToAttractMs);
      if (times.wipeFailed) failedWipes++;
    }
  } finally {
    await site.stop();
  }
  // After, not during: two browsers at once would slow both.
  const relaunched: number[] = [];
  const baseline = await bareChromium(chromium.value);
  try {
    await baseline.launch();
    for (let run = 0; run < VISITS; run++) {
      const started = performance.now();
      await baseline.end();
      await baseline.launch();
      relaunched.push(performance.now() - started);
    }
  } finally {
    await baseline.close();
  }
  const round = (ms: number) => Math.round(ms);
  const figure = (metric: string, value: number, unit = 'ms'): Figure => ({ bench: 'turnover', metric, value, unit });
  return [
    figure(`end tapped to attract painted, visit wiped and proven, median of ${VISITS}`, round(median(wiped))),
    figure(`end tapped to attract painted, visit wiped and proven, p95 of ${VISITS}`, round(percentile(wiped, 95))),
    figure(`wipes that failed (out of service) in ${VISITS}`, failedWipes, 'visits'),
    figure(`baseline: Chromium killed, profile deleted, relaunched on a fresh one, first paint, median of ${VISITS}`, round(median(relaunched))),
    figure(`baseline: Chromium killed, profile deleted, relaunched on a fresh one, first paint, p95 of ${VISITS}`, round(percentile(relaunched, 95))),
  ];
};

export default turnover;
