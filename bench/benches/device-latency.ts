// How long a reading takes from the thermometer to the screen: a Temperature Measurement frame (SLIP +
// GATT 0x2A1C, made by the real codecs) written into the device end of the socat pty pair whose other end
// the kiosk reads as its thermometer, to the value in the kiosk page's DOM and painted, in the real
// Chromium shell. A measurement step takes one reading (its flow ends on the first; a second one in the
// same step is not taken), so each reading is taken as a person measuring again would: MEASURE.RETRY over
// the bridge, the step re-armed and waiting (the host's snapshot says so and the page shows it), then the
// frame. Readings cycle through 36.0–38.0 °C, so each differs from the one before. Both ends are timed on
// node's clock: the write, and the page's signal (a CDP binding called from a MutationObserver,
// bench/reading-shown.ts) reaching node; that signal's own CDP round trip is measured in the same run and
// printed beside, an upper bound of what it adds. Baseline, in the same run once the kiosk has stopped:
// the raw pty round trip, the same frame written on one end of a fresh socat pair and read whole on the
// other, both ends through the serial transport the kiosk reads with.
// Run: npm run bench device-latency [count] (500 readings by default)
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DisposableStore } from '../../common/disposables';
import { errorMessage } from '../../common/error-message';
import { encodeGattFrame } from '../../devices/codecs/gatt-frame';
import { encodeSlip } from '../../devices/codecs/slip';
import { encodeTemperatureMeasurement, TEMPERATURE_MEASUREMENT_UUID } from '../../devices/codecs/temperature-measurement';
import { removeProfile, startKiosk, writeProfile } from '../../tests/support/kiosk-process';
import { openBridgeSocket, startVisitToHome } from '../bridge-socket';
import { BAUD_RATE, lineEnd, ptyPairIn, ptyRoundTrips } from '../pty-line';
import { listenForReadings } from '../reading-shown';
import type { Benchmark, Figure } from '../run';
import { percentile } from '../stats';

const DEFAULT_READINGS = 500;
/** Readings before the measured ones: the first ones load the renderer's code for the reading. */
const WARM_UP_READINGS = 10;

/** 36.0, 36.1 … 38.0, 36.0 …: plausible, and never the same twice in a row. */
const celsiusOf = (reading: number): number => (360 + (((reading % 21) + 21) % 21)) / 10;

/** What a thermometer bridge sends for a reading taken at the ear. */
const frameOf = (celsius: number): Uint8Array => encodeSlip(encodeGattFrame({
  uuid: TEMPERATURE_MEASUREMENT_UUID,
  value: encodeTemperatureMeasurement({ celsius, site: 'ear' }),
}));

/** "37,6 °C" (the visit is in French) is the reading of 37.6. */
const shows = (celsius: number) => (text: string): boolean => Math.abs(Number.parseFloat(text.replace(',', '.')) - celsius) < 0.05;

/** Resolves in the page once the step shows it waits for the device, and that frame is painted. */
const WAITING_PAINTED = `new Promise((painted) => {
  const look = () => document.querySelector('[data-screen="measure"] .device-card__progress') ? requestAnimationFrame(() => requestAnimationFrame(painted)) : requestAnimationFrame(look);
  look();
})`;

interface ReadingTimes { toDom: number[]; toPainted: number[]; signalRoundTrips: number[] }

/** Runs `run` with a store of what it started, undone afterwards whatever happens; a failed undo is told and fails the run. */
async function withTeardown<T>(run: (store: DisposableStore) => Promise<T>): Promise<T> {
  const store = new DisposableStore();
  try {
    return await run(store);
  } finally {
    for (const failure of await store.dispose()) {
      process.stderr.write(`device-latency: cleanup failed: ${errorMessage(failure)}\n`);
      process.exitCode = 1;
    }
  }
}

/** A kiosk whose thermometer is one end of a pty pair in `folder`; the bench writes readings on the other. */
const readingsShown = (folder: string, count: number) => withTeardown(async (store): Promise<ReadingTimes> => {
  const pair = await ptyPairIn(folder, 'thermometer', store);
  const profile = writeProfile({
    kiosk: { id: 'bench-device-latency', name: 'Device latency bench', purpose: 'test' },
    languages: { offered: ['fr', 'en'], default: 'fr' },
    // Long enough that no inactivity warning ends the visit during the run.
    session: { idleTimeoutSeconds: 3600, idleWarningSeconds: 10, endScreenSeconds: 2 },
    shell: { allowTestAutomation: true },
    devices: { thermometer: { serial: { path: pair.kioskPath, baudRate: BAUD_RATE } } },
  });
  store.add(() => removeProfile(profile));
  const kiosk = await startKiosk(profile);
  store.add(async () => {
    const code = await kiosk.stop();
    if (code !== 0) throw new Error(`the kiosk exited with code ${code} on SIGTERM`);
  });
  const thermometer = await lineEnd(pair.devicePath, 'thermometer', store);
  const browser = await chromium.connectOverCDP(kiosk.cdpEndpoint);
  store.add(() => browser.close()); // disconnects only
  const page = browser.contexts()[0]!.pages()[0]!;
  const bridge = await openBridgeSocket(page);
  store.add(() => bridge.close());
  const shown = await listenForReadings(page);
  store.add(() => shown.close());

  await startVisitToHome(bridge);
  await bridge.until('thermometer ready', (s) => s.devices.thermometer?.state === 'ready');
  bridge.send({ type: 'MEASURE.START', kind: 'thermometer' });
  const times: ReadingTimes = { toDom: [], toPainted: [], signalRoundTrips: [] };
  for (let reading = -WARM_UP_READINGS; reading < count; reading++) {
    if (bridge.latest?.measuring?.phase === 'measured') bridge.send({ type: 'MEASURE.RETRY' });
    await bridge.until('thermometer step waiting for a reading', (s) => s.measuring?.phase === 'waiting');
    await page.evaluate(WAITING_PAINTED);
    const celsius = celsiusOf(reading);
    const seen = shown.awaitReading(shows(celsius));
    const written = performance.now();
    const sent = await thermometer.write(frameOf(celsius));
    if (!sent.ok) throw new Error(sent.error);
    const { inDomAt, paintedAt } = await seen;
    await bridge.until('reading taken', (s) => s.measuring?.phase === 'measured');
    if (reading < 0) continue;
    times.toDom.push(inDomAt - written);
    times.toPainted.push(paintedAt - written);
  }
  for (let trip = 0; trip < count; trip++) times.signalRoundTrips.push(await shown.signalRoundTrip());
  return times;
});

function readingsAsked(args: readonly string[]): number {
  if (args[0] === undefined) return DEFAULT_READINGS;
  const count = Number(args[0]);
  if (!Number.isInteger(count) || count < 1) throw new Error(`device-latency: the count is a whole number of readings, 1 or more; got "${args[0]}"`);
  return count;
}

const deviceLatency: Benchmark = async (args) => {
  const count = readingsAsked(args);
  const folder = mkdtempSync(path.join(tmpdir(), 'borne-bench-device-latency-'));
  try {
    const shown = await readingsShown(folder, count);
    // After, not during: the kiosk's work would slow the baseline.
    const frame = frameOf(celsiusOf(0));
    const raw = await withTeardown((store) => ptyRoundTrips(folder, frame, count, store));
    const figure = (metric: string, value: number): Figure => ({ bench: 'device-latency', metric, value: Math.round(value * 100) / 100, unit: 'ms' });
    const both = (metric: string, samples: number[]): Figure[] => [
      figure(`${metric}, p50 of ${count}`, percentile(samples, 50)),
      figure(`${metric}, p99 of ${count}`, percentile(samples, 99)),
    ];
    return [
      ...both("thermometer frame written into its pty to the reading in the kiosk page's DOM", shown.toDom),
      ...both('thermometer frame written into its pty to the reading painted (two animation frames)', shown.toPainted),
      ...both("the page's signal alone: CDP binding round trip, node to page to node (one way of it is in the figures above)", shown.signalRoundTrips),
      ...both(`baseline: raw pty round trip, the same ${frame.length}-byte frame written on one end of a socat pair and read whole on the other`, raw),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

export default deviceLatency;
