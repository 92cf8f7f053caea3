import type { Disposer } from '../../../common/disposables';
import { errorMessage } from '../../../common/error-message';
import type { Logger } from '../../log';
import type { UpdateFeed } from '../shell';

const CHECK_EVERY_MS = 60 * 60_000;

/**
 * Software updates in the Electron shell, from the fleet's feed (docs/fleet-updates.md): electron-updater's
 * generic provider reads `latest-linux.yml` with the kiosk's credential, downloads what the fleet offers
 * (an older version too: a rollback), and installs it only between visits. Loaded lazily: electron-updater
 * requires electron, which only this shell has. Not run on the development machine (no Electron binary),
 * only typechecked; the feed itself is tested with electron-updater's own parser.
 */
export async function watchSoftwareUpdates(feed: UpdateFeed, betweenVisits: (act: () => void) => void, log: Logger): Promise<Disposer> {
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  autoUpdater.requestHeaders = { Authorization: `Bearer ${feed.credential}` };
  autoUpdater.allowDowngrade = true;
  autoUpdater.autoDownload = true;
  // Never on quit: a kiosk quits to restart, and an install then would happen at a moment nobody chose.
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.on('error', (error) => log.warn({ reason: errorMessage(error) }, 'software update check failed; trying again later'));
  autoUpdater.on('update-downloaded', (info) => {
    log.info({ version: info.version }, 'software update downloaded; installing once no visit is on');
    betweenVisits(() => autoUpdater.quitAndInstall(true, true));
  });
  const check = () => void autoUpdater.checkForUpdates().catch(() => undefined);
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  return () => clearInterval(timer);
}
