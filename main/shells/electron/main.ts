import { app, BrowserWindow, ipcMain } from 'electron';
import { appPaths } from '../../app-paths';
import { runHost } from '../../host';
import { ElectronShell } from './electron-shell';

/**
 * The Electron main process: the kiosk host itself, with a BrowserWindow as its shell.
 * Bundled to dist/host/electron-main.js; the preload is bundled next to it as preload.cjs.
 */
if (!app.requestSingleInstanceLock()) {
  // A second kiosk on the same screen would fight the first one for the devices.
  app.quit();
} else {
  // Electron quits when the last window closes; a kiosk quits only when the host stops it.
  app.on('window-all-closed', () => {});
  // A packaged app has no script path in argv; `electron dist/host/electron-main.js …` has one.
  const argv = process.argv.slice(app.isPackaged ? 1 : 2);
  app
    .whenReady()
    .then(() =>
      runHost({ argv, shell: new ElectronShell({ platform: { BrowserWindow, ipcMain }, preloadPath: appPaths().preload }) }),
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
