import type { Disposer } from '../common/disposables';
import { fail, ok } from '../common/result';
import { controlSocketPath } from '../devices/control-protocol';
import { ControlServer } from '../devices/control-server';
import type { DeviceManager } from '../devices/manager';
import type { Logger } from './log';

/**
 * Opens the technician's control socket (`npm run devices`, devices/technician.ts) on this host's
 * devices. A reading is refused while a visit is on: it could be the citizen's. Without the socket (another
 * host holds it) the kiosk serves all the same; answers what closes it.
 */
export async function openDeviceControl(devices: DeviceManager, visitOn: () => boolean, log: Logger): Promise<Disposer> {
  const server = await ControlServer.open({
    socketPath: controlSocketPath(),
    manager: devices,
    logger: log,
    mayRead: () => (visitOn()
      ? fail('a visit is on: a reading now could be the citizen\'s; try again once the kiosk shows its welcome screen')
      : ok(undefined)),
  });
  if (!server.ok) {
    log.warn({ reason: server.error }, 'the technician CLI cannot reach this host');
    return () => {};
  }
  return () => server.value.close();
}
