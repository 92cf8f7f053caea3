import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions, IpcMain } from 'electron';
import { IPC_CHANNELS } from '../../../common/bridge';
import { KIOSK_COLOURS } from '../../../common/colours';
import type { AttachedView } from '../../bridge/hub';
import type { Disposer } from '../../../common/disposables';
import type { Logger } from '../../log';
import type { BrowsingWipeReport, KioskShell, ShellStartOptions, SiteSignal, SiteToShow, UpdateFeed } from '../shell';
import { watchSoftwareUpdates } from './software-updates';
import { lockdownPolicy } from '../../lockdown/policy';
import { guardWebContents, isFromKioskPage, isKioskPageUrl } from './kiosk-window-guards';
import { ValidatedIpcMain } from './validated-ipc';

/** The Electron objects the shell uses, handed in so that a unit test can pass fakes. */
export interface ElectronPlatform {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
}

export interface ElectronShellOptions {
  platform: ElectronPlatform;
  /** The bundled preload; CommonJS, because a sandboxed preload cannot be an ES module. */
  preloadPath: string;
}

/**
 * The window's session. Without the `persist:` prefix Electron keeps it in memory only: cookies,
 * storage and cache of a visit never reach a disk, and die with the process whatever the way it ends.
 */
export const VISIT_PARTITION = 'borne-visit';

/** The kiosk in an Electron BrowserWindow; the preload's IPC is the bridge. */
export class ElectronShell implements KioskShell {
  readonly name = 'electron' as const;
  private window: BrowserWindow | null = null;
  private view: AttachedView | null = null;
  private stopped = false;
  private unsubscribeIpc = () => {};
  private indexFile = '';
  private onSiteSignal: (signal: SiteSignal) => void = () => {};
  /** The site shown in the window, or null while it shows the kiosk page. */
  private openSite: string | null = null;

  constructor(private readonly options: ElectronShellOptions) {}

  async start({ hub, rendererDir, log, lockdown, onViewCrashed, onSiteSignal }: ShellStartOptions): Promise<void> {
    if (this.window || this.stopped) throw new Error('this Electron shell was already started');
    const { BrowserWindow, ipcMain } = this.options.platform;
    const indexFile = path.join(rendererDir, 'index.html');
    const indexUrl = pathToFileURL(indexFile).href;
    this.indexFile = indexFile;
    if (onSiteSignal) this.onSiteSignal = onSiteSignal;
    const window = new BrowserWindow({
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
      backgroundColor: KIOSK_COLOURS.blue,
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: this.options.preloadPath,
        partition: VISIT_PARTITION,
        spellcheck: false,
      },
    });
    this.window = window;
    // The kiosk's own pages are the files of the renderer folder.
    guardWebContents(window.webContents, lockdownPolicy(lockdown, [pathToFileURL(`${rendererDir}/`).href]), log);
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      // Only stop() closes the kiosk; a stray Alt+F4 would otherwise leave the screen black.
      if (this.stopped) return;
      event.preventDefault();
      log.warn('refused to close the kiosk window');
    });

    const attach = () => {
      this.view?.detach();
      this.view = hub.attach({
        label: 'electron:main',
        send: (message) => {
          // The preload runs in a site's page too: the visit's snapshot goes to the kiosk page only.
          if (!window.isDestroyed() && isKioskPageUrl(window.webContents.getURL(), indexUrl)) {
            window.webContents.send(IPC_CHANNELS.hostMessage, message);
          }
        },
      });
    };
    // Attached from the start so that no early event is lost; attached again after every load so the
    // fresh page, whose listeners now exist, gets the latest snapshot.
    attach();
    window.webContents.on('did-finish-load', attach);
    window.webContents.on('render-process-gone', (_event, details) => {
      log.error({ reason: details.reason, exitCode: details.exitCode }, 'the kiosk renderer is gone');
      // The watchdog ends any visit, and stops the reloads once the page keeps failing.
      if (onViewCrashed?.() ?? true) window.webContents.reload();
      else log.warn('the crashed kiosk page is left as it is (the watchdog gave up on it)');
    });

    const ipc = new ValidatedIpcMain(ipcMain, (event) => isFromKioskPage(event, window, indexUrl), log);
    this.unsubscribeIpc = ipc.on(IPC_CHANNELS.rendererEvent, (_event, payload) => this.view?.receive(payload));

    try {
      await window.loadFile(indexFile);
    } catch (error) {
      throw new Error(`the kiosk page did not load from ${indexFile}: ${(error as Error).message}`);
    }
    log.info({ page: indexUrl }, 'kiosk page loaded');
  }

  /**
   * Thin for now: the site replaces the kiosk page in the locked window, under the same guards. Borne's
   * bar is not drawn in this shell yet (the Chromium shell has it); Electron's own view of a bar would
   * be a WebContentsView above the site's.
   */
  async showSite({ url }: SiteToShow): Promise<void> {
    const window = this.window;
    if (!window || window.isDestroyed()) throw new Error('the kiosk window is closed, so no site can be shown');
    this.openSite = url;
    try {
      await window.webContents.loadURL(url);
    } catch {
      // Electron rejects for a page that could not load: the kiosk page comes back to say so.
      if (this.openSite !== url) return;
      this.openSite = null;
      this.onSiteSignal('unreachable');
      await window.loadFile(this.indexFile);
    }
  }

  async leaveSite(): Promise<void> {
    const window = this.window;
    if (this.openSite === null || !window || window.isDestroyed()) return;
    this.openSite = null;
    await window.loadFile(this.indexFile);
  }

  watchSoftwareUpdates(feed: UpdateFeed, betweenVisits: (act: () => void) => void, log: Logger): Promise<Disposer> {
    return watchSoftwareUpdates(feed, betweenVisits, log);
  }

  async capture(): Promise<Buffer> {
    if (!this.window || this.window.isDestroyed()) throw new Error('the kiosk window is closed');
    return (await this.window.webContents.capturePage()).toPNG();
  }

  async wipeBrowsingData(): Promise<BrowsingWipeReport> {
    const window = this.window;
    if (!window || window.isDestroyed()) return { cleared: [], leftovers: ['the kiosk window is closed, so nothing was checked'] };
    const { session } = window.webContents;
    const report: BrowsingWipeReport = { cleared: [], leftovers: [] };
    try {
      await session.clearStorageData();
      report.cleared.push('storage');
      await session.clearCache();
      report.cleared.push('http cache');
      const cookies = await session.cookies.get({});
      report.leftovers.push(...cookies.map((cookie) => `cookie ${cookie.name} (${cookie.domain ?? 'no domain'})`));
    } catch (error) {
      report.leftovers.push(`wipe failed: ${(error as Error).message}`);
    }
    return report;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribeIpc();
    this.view?.detach();
    this.view = null;
    if (this.window && !this.window.isDestroyed()) this.window.destroy();
  }
}
