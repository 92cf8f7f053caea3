// Process start to attract screen painted, in the Chromium shell, against a bare Chromium started
// with the same flags opening a static page. Both sides signal "painted" from the page after two
// animation frames, so the difference is what Borne adds: Node, the host, the renderer, the bridge.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { chromiumFlags } from '../../main/shells/chromium/chromium-flags';
import { findChromium } from '../../main/shells/chromium/find-chromium';
import { killGroupAndWait } from '../../main/shells/chromium/process-group';
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

const STATIC_PAGE = `<!doctype html><html lang="fr"><body><h1>Borne</h1>
<script>requestAnimationFrame(() => requestAnimationFrame(() => fetch('/painted')));</script></body></html>`;

/** Milliseconds from spawning Chromium, with the shell's flags, to a static page's first paint. */
async function bareChromiumBoot(chromium: string): Promise<number> {
  let onPainted = () => {};
  const server = createServer((request, response) => {
    if (request.url === '/painted') onPainted();
    response.writeHead(200, { 'content-type': 'text/html' }).end(request.url === '/painted' ? '' : STATIC_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const profileDir = mkdtempSync(path.join(tmpdir(), 'borne-bench-'));
  const flags = chromiumFlags({
    pageUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    profileDir,
    runningAsRoot: process.getuid?.() === 0,
  });
  const started = performance.now();
  // fds 3 and 4 carry --remote-debugging-pipe, as in the shell.
  // Its own process group, as in the shell, so that its helpers end with it.
  const browser = spawn(chromium, flags, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true });
  const painted = await new Promise<number>((resolve) => { onPainted = () => resolve(performance.now() - started); });
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  browser.kill('SIGTERM');
  await exited;
  // Its helpers may still be writing to the profile as the browser exits: gone first, then deleted.
  if (!(await killGroupAndWait(browser.pid!))) throw new Error('chromium helpers still ran 5 s after SIGKILL');
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
  return painted;
}

const boot: Benchmark = async () => {
  const chromium = findChromium();
  if (!chromium.ok) throw new Error(chromium.error);
  const kiosk: number[] = [];
  const bare: number[] = [];
  // Interleaved, so that a slow moment of the machine weighs on both sides alike.
  for (let run = 0; run < RUNS; run++) {
    kiosk.push(await kioskBoot());
    bare.push(await bareChromiumBoot(chromium.value));
  }
  const round = (ms: number) => Math.round(ms);
  return [
    { bench: 'boot', metric: `kiosk start to attract painted, median of ${RUNS}`, value: round(median(kiosk)), unit: 'ms' },
    { bench: 'boot', metric: `baseline: bare Chromium to static page painted, median of ${RUNS}`, value: round(median(bare)), unit: 'ms' },
  ];
};

export default boot;
