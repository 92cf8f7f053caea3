import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { appPaths } from '../../app-paths';
import { memoryFolder } from '../memory-folder';
import { runHost } from '../../host';
import { ElectronShell } from './electron-shell';

/**
 * The Electron main process: the kiosk host itself, with a BrowserWindow as its shell.
 * Bundled to dist/host/electron-main.js; the preload is bundled next to it as preload.cjs.
 */
// Electron's own files (Local State, GPU cache, crash dumps, which hold page memory) go to a
// memory-backed folder too; the single-instance lock lives there, so this comes first.
app.setPath('userData', path.join(memoryFolder().dir, 'electron'));

if (!app.requestSingleInstanceLock()) {
  // A second kiosk on the same screen would fight the first one for the devices.
  app.quit();
} else {
  // No menu, so none of its accelerators (reload, DevTools, zoom, quit) either.
  Menu.setApplicationMenu(null);
  // The kiosk window gets the full lockdown from its shell; any other web contents (a webview, a window
  // something forced open) gets nothing: no window, no navigation.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  // Electron quits when the last window closes; a kiosk quits only when the host stops it.
  app.on('window-all-closed', () => {});
  // Borne's options follow the entry script (`electron [chromium switches] dist/host/electron-main.js …`,
  // the form Playwright uses too); a packaged app has no script in argv and its options follow the binary.
  const entry = process.argv.findIndex((arg) => arg.endsWith('electron-main.js'));
  const argv = process.argv.slice(entry >= 0 ? entry + 1 : app.isPackaged ? 1 : 2);
  app
    .whenReady()
    .then(() =>
      runHost({ argv, newShell: () => new ElectronShell({ platform: { BrowserWindow, ipcMain }, preloadPath: appPaths().preload }) }),
    )
    .then(() => {
      // runHost reports a failed start through the exit code; Electron would otherwise keep running.
      if (process.exitCode) app.exit(Number(process.exitCode));
    })
    .catch((error: unknown) => {
      process.stderr.write(`Borne could not start: ${(error as Error).stack ?? String(error)}\n`);
      app.exit(1);
    });
}
