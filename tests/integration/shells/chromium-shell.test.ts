import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import type { RendererEvent } from '../../../common/bridge';
import { BridgeHub } from '../../../main/bridge/hub';
import { ChromiumShell } from '../../../main/shells/chromium/chromium-shell';
import { captureLog } from '../../support/capture-log';

// Real Chromium under a display: `xvfb-run -a npx vitest run --project integration tests/integration/shells`.
const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-renderer');
const painted: RendererEvent = { type: 'VIEW.PAINTED', screen: 'attract' };
const poll = { timeout: 20_000, interval: 100 };
const NO_SITES = { allow: [], mediaOrigins: [] };

interface RunningKiosk {
  shell: ChromiumShell;
  hub: BridgeHub;
  events: RendererEvent[];
  lines: Array<Record<string, unknown>>;
  profileParentDir: string;
}

let running: RunningKiosk | null = null;

async function startKiosk(testCdpPort?: number): Promise<RunningKiosk> {
  const profileParentDir = await mkdtemp(path.join(tmpdir(), 'borne-shell-test-'));
  const { log, lines } = captureLog();
  const events: RendererEvent[] = [];
  const hub = new BridgeHub((event) => events.push(event), log);
  // Quick relaunches keep the test short; the behaviour under test is that a relaunch happens at all.
  const shell = new ChromiumShell({ profileParentDir, relaunchDelayMs: { firstMs: 100, maxMs: 1_000 } });
  running = { shell, hub, events, lines, profileParentDir };
  await shell.start({ hub, rendererDir, log, testCdpPort, lockdown: NO_SITES });
  return running;
}

/** Drives the real kiosk page with Playwright through the endpoint the shell logged. */
async function withKioskPage(lines: RunningKiosk['lines'], use: (page: Page, context: BrowserContext) => Promise<void>) {
  const endpoint = lines.find((line) => line.msg === 'test automation endpoint')?.cdpEndpoint;
  const browser = await chromium.connectOverCDP(String(endpoint));
  try {
    const context = browser.contexts()[0]!;
    await use(context.pages()[0]!, context);
  } finally {
    await browser.close(); // only disconnects: the kiosk's browser belongs to the shell
  }
}

/** Every live process whose command line mentions `needle` (our profiles live under a unique folder). */
async function processesMentioning(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(needle)) pids.push(Number(entry));
  }
  return pids;
}

afterEach(async () => {
  if (!running) return;
  await running.shell.stop();
  await rm(running.profileParentDir, { recursive: true, force: true });
  running = null;
});

describe('ChromiumShell with the system Chromium', () => {
  it('never puts the launch token on the command line, which any local user can read', async () => {
    const { shell, events } = await startKiosk();
    await expect.poll(() => events, poll).toContainEqual(painted);
    const cmdline = await readFile(`/proc/${shell.browserPid}/cmdline`, 'utf8');
    expect(cmdline).not.toContain('token');
    // A real URL: with about:blank, Chromium opens a tabbed browser instead of an app window.
    expect(cmdline).toMatch(/--app=http:\/\/127\.0\.0\.1:\d+\/starting/);
  });

  it('loads the kiosk page, which connects to the hub with its launch token', async () => {
    const { events, hub } = await startKiosk();
    await expect.poll(() => events, poll).toContainEqual(painted);
    expect(hub.viewCount).toBe(1);
  });

  it('logs a loopback CDP endpoint for tests, through which Playwright drives the real kiosk', async () => {
    const { lines } = await startKiosk(0);
    const line = lines.find((l) => l.msg === 'test automation endpoint');
    expect(line?.cdpEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await withKioskPage(lines, async (page) => {
      expect(await page.title()).toBe('Borne test renderer');
    });
  });

  it('opens no DevTools port without a test port', async () => {
    const { lines } = await startKiosk();
    expect(lines.some((l) => 'cdpEndpoint' in l)).toBe(false);
  });

  it('wipes the cookie and storage the page set, and finds nothing left', async () => {
    const { shell, events, lines } = await startKiosk(0);
    await expect.poll(() => events, poll).toContainEqual(painted);
    await withKioskPage(lines, async (page) => {
      // The page's own view of its cookies: Playwright's context object is not the page's off-the-record context.
      expect(await page.evaluate('document.cookie')).toBe('visit=in-progress');
      expect(await page.evaluate('localStorage.length')).toBe(1);

      const report = await shell.wipeBrowsingData();

      expect(report).toEqual({ cleared: ['cookies', 'site data', 'http cache', 'session storage', 'clipboard', 'downloads'], leftovers: [] });
      expect(await page.evaluate('document.cookie')).toBe('');
      expect(await page.evaluate('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);
    });
  });

  it('runs the kiosk page off the record, so its stores live in memory only', async () => {
    const { lines } = await startKiosk(0);
    await withKioskPage(lines, async (page) => {
      const devtools = await page.context().browser()!.newBrowserCDPSession();
      const { defaultBrowserContextId } = await devtools.send('Target.getBrowserContexts');
      const { targetInfos } = await devtools.send('Target.getTargets');
      const kioskPage = targetInfos.find((target) => target.type === 'page' && target.url.endsWith('/'));
      expect(kioskPage?.browserContextId).toBeDefined();
      expect(kioskPage?.browserContextId).not.toBe(defaultBrowserContextId);
    });
  });

  it('relaunches Chromium when it dies, and the new page reconnects to the same hub', async () => {
    const { shell, events, hub, profileParentDir } = await startKiosk();
    const chromiumTempFolders = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('org.chromium.Chromium.'));
    const before = await chromiumTempFolders();
    await expect.poll(() => events.length, poll).toBe(1);
    const firstPid = shell.browserPid!;
    process.kill(firstPid, 'SIGKILL');
    await expect.poll(() => events.length, poll).toBe(2);
    expect(shell.browserPid).not.toBe(firstPid);
    await expect.poll(() => hub.viewCount, poll).toBe(1);
    // The crashed launch's folder (its TMPDIR included) is gone; nothing new in the system's temp folder.
    expect(await readdir(profileParentDir)).toHaveLength(1);
    expect(await chromiumTempFolders()).toEqual(before);
  });

  it('reloads the page when its renderer process crashes', async () => {
    const { events, lines } = await startKiosk(0);
    await expect.poll(() => events.length, poll).toBe(1);
    await withKioskPage(lines, async (page) => {
      const devtools = await page.context().newCDPSession(page);
      await devtools.send('Page.crash').catch(() => {}); // the renderer dies before it can answer
    });
    await expect.poll(() => events.length, poll).toBe(2);
    await expect.poll(() => lines.some((l) => l.msg === 'kiosk page reloaded after its renderer crashed'), poll).toBe(true);
    expect(lines.some((l) => l.msg === 'chromium exited unexpectedly')).toBe(false);
  });

  it('stop() ends every Chromium process of ours and deletes the profile', async () => {
    const { shell, profileParentDir } = await startKiosk();
    expect(await readdir(profileParentDir)).toHaveLength(1);
    expect(await processesMentioning(profileParentDir)).not.toEqual([]);
    await shell.stop();
    await shell.stop();
    expect(await readdir(profileParentDir)).toEqual([]);
    await expect.poll(() => processesMentioning(profileParentDir), poll).toEqual([]);
  });
});

describe('ChromiumShell when Chromium does not cooperate', () => {
  /** Starts the shell with `script` standing in for Chromium; it ignores the flags it is given. */
  async function failingStart(script: string, options: { loadTimeoutMs?: number; stopTimeoutMs?: number } = {}) {
    const profileParentDir = await mkdtemp(path.join(tmpdir(), 'borne-shell-test-'));
    const executable = path.join(profileParentDir, 'fake-chromium');
    await writeFile(executable, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    const { log, lines } = captureLog();
    const shell = new ChromiumShell({ executablePath: executable, profileParentDir, ...options });
    const started = shell.start({ hub: new BridgeHub(() => {}, log), rendererDir, log, lockdown: NO_SITES });
    const error = await started.then(() => null, (reason: Error) => reason);
    const leftProfiles = (await readdir(profileParentDir)).filter((name) => name !== 'fake-chromium');
    await rm(profileParentDir, { recursive: true, force: true });
    return { error, lines, leftProfiles };
  }

  it('rejects start() with a clear error when Chromium exits at once, and leaves no profile', async () => {
    const { error, leftProfiles } = await failingStart('exit 3');
    expect(error?.message).toMatch(/Chromium exited before the kiosk page loaded \(code 3\)/);
    expect(leftProfiles).toEqual([]);
  });

  it('gives up on a browser that never answers: start() rejects, and stop() falls back to signals', async () => {
    const { error, lines, leftProfiles } = await failingStart('exec sleep 30', { loadTimeoutMs: 300, stopTimeoutMs: 300 });
    expect(error?.message).toContain('Chromium showed no page within 300 ms');
    expect(lines.some((line) => line.msg === 'chromium ignored Browser.close; sending SIGTERM')).toBe(true);
    expect(leftProfiles).toEqual([]);
  });
});
