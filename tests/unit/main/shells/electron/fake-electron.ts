import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
// Type only: the shell under test imports nothing from electron at run time. The lint pattern for
// `electron/*` also matches paths into main/shells/electron/, hence the exception.
import type { ElectronPlatform } from '../../../../../main/shells/electron/electron-shell';

/** Just enough of Electron's window, web contents, session and ipcMain for the shell's glue. */
export class FakeWebContents extends EventEmitter {
  mainFrame = { url: 'about:blank' };
  sent: Array<{ channel: string; message: unknown }> = [];
  reloads = 0;
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  permissionHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  cookiesLeft: Array<{ name: string; domain?: string }> = [];
  loaded: string[] = [];
  permissionCheck: ((contents: unknown, permission: string, origin: string) => boolean) | null = null;
  session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionHandler']) => (this.permissionHandler = handler),
    setPermissionCheckHandler: (handler: FakeWebContents['permissionCheck']) => (this.permissionCheck = handler),
    clearStorageData: async () => {},
    clearCache: async () => {},
    cookies: { get: async () => this.cookiesLeft },
  });

  /** URLs whose load fails, as Electron's loadURL rejects for a page that cannot be reached. */
  unreachable = new Set<string>();
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    if (this.unreachable.has(url)) throw new Error(`ERR_CONNECTION_REFUSED (-102) loading '${url}'`);
    this.mainFrame = { url };
    this.emit('did-finish-load');
  }
  getURL(): string {
    return this.mainFrame.url;
  }

  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  setWindowOpenHandler(handler: FakeWebContents['openHandler']): void {
    this.openHandler = handler;
  }
  reload(): void {
    this.reloads += 1;
    this.emit('did-finish-load');
  }
}

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  show(): void {
    this.shown = true;
  }
  async loadFile(file: string): Promise<void> {
    this.webContents.mainFrame = { url: pathToFileURL(file).href };
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
  }
}

export function fakePlatform(): { platform: ElectronPlatform; ipcMain: EventEmitter } {
  FakeWindow.created = [];
  const ipcMain = new EventEmitter();
  return { platform: { BrowserWindow: FakeWindow, ipcMain } as unknown as ElectronPlatform, ipcMain };
}
