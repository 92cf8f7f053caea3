// Process start to attract screen painted, in the Chromium shell, against a bare Chromium started
// with the same flags opening a static page. Both sides signal "painted" from the page after two
// animation frames, so the difference is what Borne adds: Node, the host, the renderer, the bridge.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { findChromium } from '../../main/shells/chromium/find-chromium';
import { bareChromium } from '../bare-chromium';
import { TEST_PROFILE } from '../../tests/support/test-profile';
import type { Benchmark } from '../run';
import { median } from '../stats';

const RUNS = 5;

/** Milliseconds from spawning the kiosk host to its log line saying the attract screen painted. */
export async function kioskBoot(profile = TEST_PROFILE): Promise<number> {
  const started = performance.now();
  const host = spawn(process.execPath, ['dist/host/cli.js', '--shell', 'chromium', '--profile', profile],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => host.once('exit', resolve));
  const painted = await new Promise<number>((resolve, reject) => {
    host.once('exit', (code) => reject(new Error(`the kiosk exited (${code}) before painting`)));
    createInterface({ input: host.stdout! }).on('line', (line) => {
      if (line.includes('"view painted"') && line.includes('"screen":"attract"')) resolve(performance.now() - started);
    });
  });
  host.kill('SIGTERM');
  await exited;
  return painted;
}

const boot: Benchmark = async () => {
  const chromium = findChromium();
  if (!chromium.ok) throw new Error(chromium.error);
  const kiosk: number[] = [];
  const bare: number[] = [];
  const baseline = await bareChromium(chromium.value);
  // Interleaved, so that a slow moment of the machine weighs on both sides alike.
  try {
    for (let run = 0; run < RUNS; run++) {
      kiosk.push(await kioskBoot());
      bare.push(await baseline.launch());
      await baseline.end();
    }
  } finally {
    await baseline.close();
  }
  const round = (ms: number) => Math.round(ms);
  return [
    { bench: 'boot', metric: `kiosk start to attract painted, median of ${RUNS}`, value: round(median(kiosk)), unit: 'ms' },
    { bench: 'boot', metric: `baseline: bare Chromium to static page painted, median of ${RUNS}`, value: round(median(bare)), unit: 'ms' },
  ];
};

export default boot;
