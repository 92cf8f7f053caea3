import { z } from 'zod';
import { rm } from 'node:fs/promises';
import { ok } from '../../../common/result';
import { errorMessage } from '../../../common/error-message';
import type { Logger } from '../../log';
import type { BrowsingWipeReport, KioskShell, ShellStartOptions, SiteSignal, SiteToShow } from '../shell';
import type { SiteBarState } from '../site-bar/bar-script';
import { wipeChromiumBrowsingData } from './browsing-wipe';
import { chromiumFlags } from './chromium-flags';
import { ChromiumProcess, type ChromiumExit } from './chromium-process';
import { CHROMIUM_KIOSK_PAGES } from '../../lockdown/chromium-lockdown';
import { lockdownPolicy, type LockdownPolicy } from '../../lockdown/policy';
import { findChromium } from './find-chromium';
import { guardNavigations } from './navigation-guard';
import { ChromiumSiteView } from './site-view';
import { memoryFolder } from '../memory-folder';
import { createLaunchDir, sweepDeadLaunches, type LaunchDir } from './launch-dir';
import { coverScreen } from './cover-screen';
import { crashHungPage } from './hung-page';
import { attachKioskPage, closeEveryOtherWindow, onKioskPageCrash, provideLaunchToken, showKioskPage, type KioskPage } from './kiosk-page';
import type { BackoffDelays } from '../../../common/backoff';
import { RelaunchBackoff } from './relaunch-backoff';
import { startRendererServer, type RendererServer } from './renderer-server';
import { refuseDownloads } from './download-refusal';
import { watchHttpAuthentication, type HttpAuthWatch } from './http-auth-watch';
import { existsSync } from 'node:fs';

export interface ChromiumShellOptions {
  /** The browser executable; found with `findChromium` (CHROMIUM_PATH, then PATH) when omitted. */
  executablePath?: string;
  /**
   * Where each launch's throw-away profile is created: a memory-backed folder by default
   * (`$XDG_RUNTIME_DIR` or /dev/shm), so that nothing of a visit reaches a disk.
   */
  profileParentDir?: string;
  /** How long `start()`, a relaunch or a crash reload waits for the page to load. */
  loadTimeoutMs?: number;
  /** How long `stop()` waits for Browser.close, then for SIGTERM, before SIGKILL. */
  stopTimeoutMs?: number;
  /** Delay before relaunching a browser that exited; doubles per failure up to `max`. */
  relaunchDelayMs?: BackoffDelays;
  /** Read for CHROMIUM_PATH and BORNE_CHROMIUM_FLAGS; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
}

interface Session {
  log: Logger;
  policy: LockdownPolicy;
  launchParent: string;
  server: RendererServer;
  executable: string;
  testCdpPort: number | undefined;
  onViewCrashed: (() => boolean) | undefined;
  onSiteSignal: (signal: SiteSignal) => void;
  onSitePainted: () => void;
}

interface Launch {
  browser: ChromiumProcess;
  dir: LaunchDir;
  page: KioskPage | null;
  /** Official sites in the page's tab, once the page is guarded. */
  sites: ChromiumSiteView | null;
  /** Set while the page is being brought back (crash, hang); a wipe waits for it. Never rejects. */
  recovery: Promise<void> | null;
  /** The watchdog gave up and the crashed page was left as it is: its later crash events are not news. */
  abandoned: boolean;
  /** Whether the page met HTTP authentication, whose credentials only a fresh browser forgets. */
  httpAuth: HttpAuthWatch | null;
  /** Closed on purpose by a wipe, which starts its successor itself: its exit is not a crash. */
  retiring: boolean;
  /** Settles once the browser exited and its profile is deleted. */
  cleanedUp: Promise<void>;
}

const CapturedSchema = z.object({ data: z.string() });

/**
 * The kiosk in the system's Chromium, driven over the DevTools pipe. The page talks to the host over a
 * loopback WebSocket, and the host holds the truth, so a browser or renderer crash loses nothing: the
 * shell relaunches or reloads, and the page reconnects to the same hub.
 */
export class ChromiumShell implements KioskShell {
  readonly name = 'chromium' as const;
  private session: Session | null = null;
  private current: Launch | null = null;
  private supervising = false;
  private stopping: Promise<void> | null = null;
  private relaunchTimer: NodeJS.Timeout | undefined;
  /** Set from a browser's unexpected exit until its successor shows the kiosk page; a wipe waits for it. */
  private browserBack: { promise: Promise<void>; resolve(): void } | null = null;
  private readonly backoff: RelaunchBackoff;
  /**
   * Origins guided procedures let the visit reach beyond the profile's list, since the last wipe that
   * left nothing: the wipe clears and checks them too.
   */
  private readonly procedureOrigins = new Set<string>();

  constructor(private readonly options: ChromiumShellOptions = {}) {
    this.backoff = new RelaunchBackoff(options.relaunchDelayMs);
  }

  /** The running browser's process id, for diagnostics. */
  get browserPid(): number | undefined {
    return this.current?.browser.pid;
  }

  async start({ hub, rendererDir, log, testCdpPort, lockdown, onViewCrashed, onSiteSignal, onSitePainted }: ShellStartOptions): Promise<void> {
    if (this.session || this.stopping) throw new Error('this Chromium shell was already started');
    const found = this.options.executablePath ? ok(this.options.executablePath) : findChromium(this.env);
    if (!found.ok) throw new Error(found.error);
    if (process.getuid?.() === 0) {
      log.warn("running as root: Chromium's sandbox refuses root, so it runs with --no-sandbox; run the kiosk as its own user");
    }
    const launchParent = this.launchParent(log);
    await sweepDeadLaunches(launchParent, log);
    const policy = lockdownPolicy(lockdown, CHROMIUM_KIOSK_PAGES);
    this.session = { log, launchParent, policy, executable: found.value, testCdpPort, onViewCrashed, onSiteSignal: onSiteSignal ?? (() => {}),
      onSitePainted: onSitePainted ?? (() => {}), server: await startRendererServer({ rendererDir, hub, log }) };
    try {
      await this.loadPage(await this.spawnBrowser());
      this.supervising = true;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async wipeBrowsingData(): Promise<BrowsingWipeReport> {
    // After a crash, a hang or a relaunch the visit is wiped on the fresh page, not on the dead one. A
    // recovery can end by killing the browser: its relaunch is then waited for too.
    await this.browserBack?.promise;
    await this.current?.recovery;
    await this.browserBack?.promise;
    let launch = this.current;
    if (!this.session || !launch?.page) return { cleared: [], leftovers: ['chromium is not running, so nothing was checked'] };
    const cleared: string[] = [];
    if (launch.httpAuth?.met) {
      const renewed = await this.renewBrowser(launch);
      if (typeof renewed === 'string') return { cleared, leftovers: [`http authentication: ${renewed}`] };
      launch = renewed;
      cleared.push('http authentication');
    }
    const { server, policy, log } = this.session;
    const origins = [...new Set([server.origin, ...policy.allow.map((rule) => rule.origin), ...this.procedureOrigins])];
    const report = await wipeChromiumBrowsingData(launch.browser.cdp, launch.page!, { origins, downloadsDir: launch.dir.downloadsDir });
    report.cleared.unshift(...cleared);
    if (launch.httpAuth?.met !== false) report.leftovers.push('http authentication (the page is not watched for it)');
    if (launch.sites?.showing) report.leftovers.push('an official site is still shown');
    if (report.leftovers.length === 0) this.procedureOrigins.clear();
    log.debug(report, 'wiped browsing data');
    return report;
  }

  async capture(): Promise<Buffer> {
    const launch = this.current;
    if (!launch?.page) throw new Error('chromium is not running');
    const shot = CapturedSchema.parse(await launch.browser.cdp.send('Page.captureScreenshot', { format: 'png' }, launch.page.sessionId));
    return Buffer.from(shot.data, 'base64');
  }

  /**
   * Closes the browser, deletes its profile, and starts a fresh one showing the kiosk page: what a
   * visit that met HTTP authentication needs. Answers the new launch, or why it could not.
   */
  private async renewBrowser(launch: Launch): Promise<Launch | string> {
    const { log } = this.session!;
    log.info('the visit met HTTP authentication, which only a fresh browser forgets: relaunching chromium on a fresh profile');
    launch.retiring = true;
    await launch.browser.close(this.options.stopTimeoutMs ?? 2_000);
    await launch.cleanedUp;
    if (this.stopping) return 'the shell is stopping';
    // Whatever happens next, the kiosk needs a browser: it is relaunched even when the wipe fails.
    const profileLeft = existsSync(launch.dir.root);
    let next: Launch;
    try {
      next = await this.spawnBrowser();
    } catch (error) {
      this.scheduleRelaunch(0);
      return `could not relaunch chromium: ${errorMessage(error)}`;
    }
    try {
      await this.loadPage(next);
      return profileLeft ? 'the old browser profile could not be deleted' : next;
    } catch (error) {
      // Its exit is unexpected, so it is relaunched with the usual back-off; the wipe's retry waits for it.
      next.browser.signal('SIGKILL');
      return `the relaunched chromium did not load the kiosk page: ${errorMessage(error)}`;
    }
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  private launchParent(log: Logger): string {
    if (this.options.profileParentDir) return this.options.profileParentDir;
    const parent = memoryFolder(this.env);
    if (!parent.memoryBacked) {
      log.error({ dir: parent.dir }, 'no memory-backed folder (XDG_RUNTIME_DIR or /dev/shm): chromium\'s profile goes to disk until each visit\'s wipe');
    }
    return parent.dir;
  }

  private async spawnBrowser(): Promise<Launch> {
    const { log, executable, testCdpPort, server, launchParent } = this.session!;
    const dir = await createLaunchDir(launchParent);
    if (this.stopping) {
      await rm(dir.root, { recursive: true, force: true });
      throw new Error('the shell is stopping');
    }
    const runningAsRoot = process.getuid?.() === 0;
    const extraFlags = this.env.BORNE_CHROMIUM_FLAGS;
    const args = chromiumFlags({ pageUrl: server.startUrl, profileDir: dir.profileDir, runningAsRoot, testCdpPort, extraFlags });
    const browser = new ChromiumProcess(executable, args, log, { ...this.env, TMPDIR: dir.tmpDir, XDG_CONFIG_HOME: dir.configDir });
    const launch: Launch = { browser, dir, page: null, sites: null, recovery: null, abandoned: false, httpAuth: null, retiring: false,
      cleanedUp: Promise.resolve() };
    launch.cleanedUp = browser.exited.then((exit) => this.afterExit(launch, exit));
    this.current = launch;
    await dir.recordBrowserPid(browser.pid).catch((error: unknown) => log.warn({ err: error }, 'could not record the browser pid'));
    log.info({ browserPid: browser.pid, launchDir: dir.root }, 'chromium launched');
    return launch;
  }

  private async loadPage(launch: Launch): Promise<void> {
    const { log, server, policy, onSiteSignal, onSitePainted } = this.session!;
    const { browser } = launch;
    try {
      launch.page = await attachKioskPage(browser.cdp, this.loadTimeoutMs);
      await provideLaunchToken(browser.cdp, launch.page, server.origin, server.launchToken);
      const guard = await guardNavigations(browser.cdp, launch.page, policy, server.pageUrl, {
        onRefused: (url, reason) => log.warn({ url, reason }, 'refused a navigation'),
        onSiteLeft: () => onSiteSignal('left'),
        onSiteUnreachable: (url) => {
          log.warn({ origin: new URL(url).origin }, 'the site could not be reached');
          onSiteSignal('unreachable');
        },
      });
      launch.sites = await ChromiumSiteView.attach(browser.cdp, launch.page, guard, server.pageUrl, log, onSiteSignal, onSitePainted);
      await showKioskPage(browser.cdp, launch.page, server.pageUrl, this.loadTimeoutMs);
    } catch (error) {
      throw await browser.explainFailure(error, 'before the kiosk page loaded');
    }
    if (!launch.page.offTheRecord) log.error('the kiosk page is not off the record: its storage is written to the profile folder');
    onKioskPageCrash(browser.cdp, launch.page, () => this.pageCrashed(launch));
    closeEveryOtherWindow(browser.cdp, launch.page, (url) => log.warn({ url }, 'closed a window the kiosk did not open'));
    launch.httpAuth = await watchHttpAuthentication(browser.cdp, launch.page);
    await refuseDownloads(browser.cdp, launch.page, log).catch((error: unknown) => log.warn({ err: error }, 'could not refuse downloads over DevTools'));
    const window = await coverScreen(browser.cdp, launch.page).catch((error: unknown) => {
      log.warn({ err: error }, 'could not check that the kiosk window covers the screen');
      return 'unchecked';
    });
    log.info({ browserPid: browser.pid, window }, 'kiosk page loaded');
  }

  async showSite(site: SiteToShow): Promise<void> {
    const sites = this.current?.sites;
    if (!sites) throw new Error('chromium is not running, so no site can be shown');
    for (const rule of site.allow) this.procedureOrigins.add(rule.origin);
    await sites.show(site);
  }

  updateSiteBar(state: SiteBarState): void {
    this.current?.sites?.updateBar(state);
  }

  async leaveSite(): Promise<void> {
    await this.current?.sites?.leave();
  }

  showingSite(): boolean {
    return this.current?.sites?.showing ?? false;
  }

  reloadHungView(): void {
    const launch = this.current;
    if (!launch || !this.mayRecover(launch)) return;
    const { log } = this.session!;
    log.error({ browserPid: launch.browser.pid }, launch.sites?.showing
      ? 'the site shown stopped painting (hung or blank); ending its renderer to bring the kiosk page back'
      : 'the kiosk page stopped answering; ending its renderer to reload it');
    this.recover(launch, async () => {
      if (await crashHungPage(launch.browser.cdp, launch.page!, this.loadTimeoutMs)) return this.reloadPage(launch, 'hung');
      log.error('the hung kiosk page did not end; restarting chromium');
      launch.browser.signal('SIGKILL');
      await launch.browser.exited;
    });
  }

  private pageCrashed(launch: Launch): void {
    // A crash we caused to end a hung page is already being recovered from.
    if (!this.mayRecover(launch)) return;
    const { log, onViewCrashed } = this.session!;
    log.error({ browserPid: launch.browser.pid }, 'the kiosk page renderer crashed');
    // The recovery is in place before the watchdog hears of it, so the wipe it may start waits for it.
    this.recover(launch, async () => {
      if (onViewCrashed?.() ?? true) await this.reloadPage(launch, 'crashed');
      else {
        launch.abandoned = true;
        log.warn('the crashed kiosk page is left as it is (the watchdog gave up on it)');
      }
    });
  }

  private mayRecover(launch: Launch): boolean {
    return !launch.recovery && !launch.abandoned && launch === this.current && launch.page !== null && !this.stopping;
  }

  private recover(launch: Launch, steps: () => Promise<void>): void {
    // Started in a microtask: `launch.recovery` is set before any step (or callback) runs.
    launch.recovery = Promise.resolve().then(steps)
      .catch((error: unknown) => this.session!.log.error({ err: error }, 'could not recover the kiosk page'))
      .finally(() => (launch.recovery = null));
  }

  private async reloadPage(launch: Launch, why: 'crashed' | 'hung'): Promise<void> {
    const { log, server } = this.session!;
    try {
      await showKioskPage(launch.browser.cdp, launch.page!, server.pageUrl, this.loadTimeoutMs);
      log.info(why === 'crashed' ? 'kiosk page reloaded after its renderer crashed' : 'kiosk page reloaded after it hung');
    } catch (error) {
      log.error({ err: error }, 'could not reload the kiosk page; restarting chromium');
      launch.browser.signal('SIGKILL');
      await launch.browser.exited; // the recovery lasts until the relaunch is under way, for a wipe that waits on it
    }
  }

  private async afterExit(launch: Launch, exit: ChromiumExit): Promise<void> {
    const { log } = this.session!;
    const unexpected = this.supervising && !this.stopping && !launch.retiring;
    if (unexpected) {
      log.error({ ...exit, stderr: launch.browser.recentStderr }, 'chromium exited unexpectedly');
      // As for a crashed page, the watchdog ends any visit, and its wipe waits for the new browser, which
      // shows what comes after the wipe, never the half visit. The browser comes back whatever the
      // watchdog answers: without one, the screen would show the desktop.
      this.browserBack ??= awaitable();
      this.session!.onViewCrashed?.();
    }
    // Helpers can outlive a killed browser; they must not hold the profile while it is deleted.
    if (!(await launch.browser.endGroup())) log.warn({ browserPid: launch.browser.pid }, 'chromium helpers still ran 5 s after SIGKILL');
    await rm(launch.dir.root, { recursive: true, force: true, maxRetries: 5 }).catch((error: unknown) => {
      log.error({ err: error, launchDir: launch.dir.root }, 'could not delete a chromium profile');
    });
    if (this.current === launch) this.current = null;
    if (unexpected) this.scheduleRelaunch(Date.now() - launch.browser.startedAt);
  }

  private scheduleRelaunch(lastRanForMs: number): void {
    const delayMs = this.backoff.next(lastRanForMs);
    this.session!.log.info({ delayMs }, 'relaunching chromium');
    this.relaunchTimer = setTimeout(() => void this.relaunch(), delayMs);
  }

  private async relaunch(): Promise<void> {
    const { log } = this.session!;
    let launch: Launch;
    try {
      launch = await this.spawnBrowser();
    } catch (error) {
      if (this.stopping) return;
      log.error({ err: error }, 'could not relaunch chromium');
      this.scheduleRelaunch(0);
      return;
    }
    try {
      await this.loadPage(launch);
      this.browserBack?.resolve();
      this.browserBack = null;
    } catch (error) {
      if (this.stopping) return;
      // Its exit schedules the next attempt, with a longer delay.
      log.error({ err: error }, 'relaunched chromium did not load the kiosk page');
      launch.browser.signal('SIGKILL');
    }
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.relaunchTimer);
    this.browserBack?.resolve(); // a wipe waiting for it finds no browser, and says so
    const launch = this.current;
    if (launch) {
      await launch.browser.close(this.options.stopTimeoutMs ?? 2_000);
      await launch.cleanedUp;
    }
    await this.session?.server.close();
    this.session?.log.info('chromium shell stopped');
  }

  private get loadTimeoutMs(): number {
    return this.options.loadTimeoutMs ?? 20_000;
  }
}

/** A promise and what settles it, for one party to wait on what another one finishes. */
function awaitable(): { promise: Promise<void>; resolve(): void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}
