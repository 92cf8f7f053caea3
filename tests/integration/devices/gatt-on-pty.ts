import type { DeviceStatus } from '../../../common/devices';
import type { Measurement } from '../../../common/measurements';
import type { Result } from '../../../common/result';
import type { DeviceDriver } from '../../../devices/drivers/driver';
import { openPtyPair, type PtyPair } from '../../../devices/simulators/pty-pair';
import { SerialTransport } from '../../../devices/transports/serial-transport';
import { folderPerTest, nextEvent } from './support';

type Driver = DeviceDriver<Measurement>;

/**
 * Real socat ptys, real serialport, real SLIP frames of GATT values (0x2A35, 0x2A9D, 0x2A5E): the path a reading takes on a
 * demo kiosk. Each test gets a folder for the pty links; everything it opens is closed after it, newest first.
 */
export function onPty(name: string) {
  const folder = folderPerTest();
  const kioskPath = () => folder.path(name);
  return {
    kioskPath,
    async pair(): Promise<PtyPair> {
      const pair = await openPtyPair({ kioskPath: kioskPath(), devicePath: `${kioskPath()}.sim` });
      if (!pair.ok) throw new Error(pair.error);
      folder.defer(() => pair.value.stop());
      return pair.value;
    },
    async simulator<S extends { close(): Promise<void> }>(open: (path: string) => Promise<Result<S>>): Promise<S> {
      const simulator = await open(`${kioskPath()}.sim`);
      if (!simulator.ok) throw new Error(simulator.error);
      folder.defer(() => simulator.value.close());
      return simulator.value;
    },
    async driver<D extends Driver>(create: (transport: SerialTransport) => D): Promise<D> {
      const driver = create(new SerialTransport({ path: kioskPath(), baudRate: 9600, retry: { firstMs: 20, maxMs: 100 }, livenessMs: 50 }));
      folder.defer(() => driver.stop());
      await driver.start();
      return driver;
    },
  };
}

export const nextMeasurement = (driver: Driver) => nextEvent<[Measurement]>(driver, 'measurement').then(([m]) => m);
export const nextStatus = (driver: Driver, state: DeviceStatus['state']) => nextEvent<[DeviceStatus]>(driver, 'status', (s) => s.state === state);

