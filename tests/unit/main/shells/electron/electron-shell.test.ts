import { beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type RendererEvent } from '../../../../../common/bridge';
import type { SessionSnapshot } from '../../../../../common/snapshot';
import { BridgeHub } from '../../../../../main/bridge/hub';
// electron-shell.ts takes Electron's objects as arguments and imports only its types, so it runs here
// with fakes; the lint pattern for `electron/*` also matches this path.
import { ElectronShell } from '../../../../../main/shells/electron/electron-shell';
import { captureLog } from '../../../../support/capture-log';
import { FakeWindow, fakePlatform } from './fake-electron';

const snapshot: SessionSnapshot = {
  screen: 'attract', language: 'fr', offeredLanguages: ['fr', 'en'], display: { textSize: 100, contrast: 'standard' }, idleWarning: null, measurements: {}, measuring: null, devices: {}, deviceHealth: {},
  testAutomation: false,
  admin: null,
  siteTiles: [],
  site: null,
  catalog: null,
  procedure: null,
  satisfaction: null,
  memoPrint: null,
  assist: null,
};
const painted: RendererEvent = { type: 'VIEW.PAINTED', screen: 'attract' };

let events: RendererEvent[];

async function startedShell(onViewCrashed?: () => boolean, onSiteSignal?: (signal: string) => void) {
  const { platform, ipcMain } = fakePlatform();
  const { log, lines } = captureLog();
  events = [];
  const hub = new BridgeHub((event) => events.push(event), log);
  const shell = new ElectronShell({ platform, preloadPath: '/app/dist/host/preload.cjs' });
  await shell.start({ hub, rendererDir: '/app/dist/renderer', log, onViewCrashed, onSiteSignal, lockdown: { allow: [{ origin: 'https://ants.gouv.fr', pathPrefix: '/' }], mediaOrigins: [] } });
  const window = FakeWindow.created[0]!;
  /** What ipcMain hands the shell when a frame of `contents` calls ipcRenderer.send. */
  const sendFrom = (frame: { url: string }, payload: unknown, contents = window.webContents) =>
    ipcMain.emit(IPC_CHANNELS.rendererEvent, { sender: contents, senderFrame: frame }, payload);
  return { shell, hub, window, ipcMain, lines, sendFrom };
}

describe('ElectronShell', () => {
  beforeEach(() => {
    events = [];
  });

  it('opens a sandboxed, isolated kiosk window with the preload and shows it once ready', async () => {
    const { window } = await startedShell();
    expect(window.options).toMatchObject({
      kiosk: true, fullscreen: true, show: false,
      webPreferences: {
        sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true,
        preload: '/app/dist/host/preload.cjs',
        // In memory: a partition without `persist:` never writes a visit's data to disk.
        partition: expect.not.stringMatching(/^persist:/),
      },
    });
    expect(window.shown).toBe(true);
  });

  it("passes events from the kiosk page's main frame to the hub", async () => {
    const { window, sendFrom } = await startedShell();
    sendFrom(window.webContents.mainFrame, painted);
    expect(events).toEqual([painted]);
  });

  it('ignores events from a subframe, from another page and from another window', async () => {
    const { window, sendFrom, lines } = await startedShell();
    sendFrom({ url: 'file:///app/dist/renderer/index.html' }, painted);
    window.webContents.mainFrame = { url: 'https://example.org/' };
    sendFrom(window.webContents.mainFrame, painted);
    const other = new FakeWindow({});
    sendFrom(other.webContents.mainFrame, painted, other.webContents);
    expect(events).toEqual([]);
    expect(lines.filter((line) => line.msg === 'ignored a bridge message from outside the kiosk page')).toHaveLength(3);
  });

  it('sends host messages to the page, and the latest snapshot again after every load', async () => {
    const { window, hub } = await startedShell();
    hub.publish(snapshot);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reloads).toBe(1);
    expect(window.webContents.sent).toEqual([
      { channel: IPC_CHANNELS.hostMessage, message: { type: 'snapshot', snapshot } },
      { channel: IPC_CHANNELS.hostMessage, message: { type: 'snapshot', snapshot } },
    ]);
    expect(hub.viewCount).toBe(1);
  });

  it('tells the watchdog of a crash, and leaves the page alone once the watchdog gave up', async () => {
    const answers = [true, false];
    let asked = 0;
    const { window } = await startedShell(() => answers[asked++]!);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    expect(asked).toBe(2);
    expect(window.webContents.reloads).toBe(1);
  });

  it('applies the lockdown policy: windows, navigation of every frame and redirect, permissions, downloads, shortcuts', async () => {
    const { window } = await startedShell();
    const contents = window.webContents;
    const attempt = (event: string, url: string, ...rest: unknown[]) => {
      const details = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      contents.emit(event, details, ...rest);
      return details.defaultPrevented;
    };
    // A new window never opens; an allowed target opens in the same view instead.
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://ants.gouv.fr/rdv' })).toEqual({ action: 'deny' });
    expect(contents.loaded).toEqual(['https://ants.gouv.fr/rdv']);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(attempt(event, 'https://example.org/'), event).toBe(true);
      expect(attempt(event, 'file:///etc/passwd'), event).toBe(true);
      expect(attempt(event, 'https://ants.gouv.fr/demarches'), event).toBe(false);
      expect(attempt(event, 'file:///app/dist/renderer/index.html#attract'), event).toBe(false);
    }
    let granted: boolean | undefined;
    contents.permissionHandler?.({ getURL: () => 'https://ants.gouv.fr/' }, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(contents.permissionCheck?.(contents, 'geolocation', 'https://ants.gouv.fr')).toBe(false);
    const download = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.session.emit('will-download', download, { getURL: () => 'https://ants.gouv.fr/form.pdf' });
    expect(download.defaultPrevented).toBe(true);
    const key = (input: Record<string, unknown>) => {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      contents.emit('before-input-event', event, { type: 'keyDown', control: false, shift: false, alt: false, meta: false, ...input });
      return event.defaultPrevented;
    };
    expect(key({ key: 't', control: true })).toBe(true);
    expect(key({ key: 'F12' })).toBe(true);
    expect(key({ key: 'a' })).toBe(false);
  });

  it('shows a site in the locked window, sends it no snapshot, and brings the kiosk page back', async () => {
    const { shell, window, hub } = await startedShell();
    await shell.showSite({ url: 'https://ants.gouv.fr/demarches', language: 'fr', allow: [] });
    expect(window.webContents.getURL()).toBe('https://ants.gouv.fr/demarches');
    window.webContents.sent = [];
    hub.publish({ ...snapshot, screen: 'site', site: { origin: 'https://ants.gouv.fr', unreachable: false, call: null } });
    expect(window.webContents.sent).toEqual([]);
    await shell.leaveSite();
    expect(window.webContents.getURL()).toBe('file:///app/dist/renderer/index.html');
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('says when a site cannot be reached, with the kiosk page back', async () => {
    const signals: string[] = [];
    const { shell, window } = await startedShell(undefined, (signal) => signals.push(signal));
    window.webContents.unreachable.add('https://ants.gouv.fr/');
    await shell.showSite({ url: 'https://ants.gouv.fr/', language: 'en', allow: [] });
    expect(signals).toEqual(['unreachable']);
    expect(window.webContents.getURL()).toBe('file:///app/dist/renderer/index.html');
  });

  it('reports the cookies a wipe left behind', async () => {
    const { shell, window } = await startedShell();
    expect(await shell.wipeBrowsingData()).toEqual({ cleared: ['storage', 'http cache'], leftovers: [] });
    window.webContents.cookiesLeft = [{ name: 'visit', domain: 'localhost' }];
    expect((await shell.wipeBrowsingData()).leftovers).toEqual(['cookie visit (localhost)']);
  });

  it('only stop() closes the window; it stops listening and is safe to call twice', async () => {
    const { shell, window, ipcMain, hub } = await startedShell();
    const close = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    window.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    await shell.stop();
    await shell.stop();
    expect(window.destroyed).toBe(true);
    expect(ipcMain.listenerCount(IPC_CHANNELS.rendererEvent)).toBe(0);
    expect(hub.viewCount).toBe(0);
  });
});
