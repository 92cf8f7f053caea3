// A bare Chromium with the shell's flags on a throw-away profile, opening a static page that signals its
// first paint: what the boot bench compares Borne's start with, and what the turnover bench compares its
// wipe with (other kiosk shells relaunch the browser on a fresh profile between visits).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromiumFlags } from '../main/shells/chromium/chromium-flags';
import { killGroupAndWait } from '../main/shells/chromium/process-group';

const STATIC_PAGE = `<!doctype html><html lang="fr"><body><h1>Borne</h1>
<script>requestAnimationFrame(() => requestAnimationFrame(() => fetch('/painted')));</script></body></html>`;

export interface BareChromium {
  /** Starts Chromium on a fresh profile; resolves with the milliseconds from spawn to the page's first paint. */
  launch(): Promise<number>;
  /** Ends the running Chromium's whole process group, waits until it is gone, and deletes its profile. */
  end(): Promise<void>;
  close(): Promise<void>;
}

export async function bareChromium(executable: string): Promise<BareChromium> {
  let onPainted = () => {};
  const server: Server = createServer((request, response) => {
    if (request.url === '/painted') onPainted();
    response.writeHead(200, { 'content-type': 'text/html' }).end(request.url === '/painted' ? '' : STATIC_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  let running: { browser: ChildProcess; profileDir: string } | null = null;

  const end = async () => {
    if (!running) return;
    const { browser, profileDir } = running;
    running = null;
    // Its helpers may still be writing to the profile as the browser exits: gone first, then deleted.
    if (!(await killGroupAndWait(browser.pid!))) throw new Error('chromium helpers still ran 5 s after SIGKILL');
    rmSync(profileDir, { recursive: true, force: true });
  };

  return {
    launch: async () => {
      const profileDir = mkdtempSync(path.join(tmpdir(), 'borne-bench-'));
      const flags = chromiumFlags({ pageUrl, profileDir, runningAsRoot: process.getuid?.() === 0 });
      const started = performance.now();
      const painted = new Promise<number>((resolve) => { onPainted = () => resolve(performance.now() - started); });
      // fds 3 and 4 carry --remote-debugging-pipe, as in the shell; its own process group, as in the shell.
      const browser = spawn(executable, flags, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true });
      running = { browser, profileDir };
      return painted;
    },
    end,
    close: async () => {
      await end();
      server.close();
    },
  };
}
