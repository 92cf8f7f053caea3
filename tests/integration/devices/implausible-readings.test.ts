import { expect, it } from 'vitest';
import type { Measurement } from '../../../common/measurements';
import { DeviceManager } from '../../../devices/manager';
import { openPtyPair } from '../../../devices/simulators/pty-pair';
import { ThermometerSimulator } from '../../../devices/simulators/thermometer-simulator';
import { captureLog } from '../../support/capture-log';
import { IMPLAUSIBLE_FRAGMENTS, IMPLAUSIBLE_READINGS } from '../../support/implausible-readings';
import { folderPerTest, nextEvent } from './support';
import { refusals } from '../../support/refusals';

// A faulty thermometer on a real socat pty, read by the DeviceManager the host uses: the implausible
// frames travel the whole wire path (SLIP, GATT, IEEE 11073 FLOAT) and only the good reading comes out.
const folder = folderPerTest();

it('refuses -300, 99.9 and 8.39e133 °C from a device over a pty, counts them, and passes the next good reading', async () => {
  const pair = await openPtyPair({ kioskPath: folder.path('thermometer'), devicePath: folder.path('thermometer.sim') });
  if (!pair.ok) throw new Error(pair.error);
  folder.defer(() => pair.value.stop());
  const { log, lines } = captureLog();
  const manager = new DeviceManager({ thermometer: { serial: { path: pair.value.kioskPath, baudRate: 9600 } } }, log);
  folder.defer(() => manager.stop());
  await manager.start();
  expect(manager.statuses()).toEqual({ thermometer: { state: 'ready' } });
  const device = await ThermometerSimulator.open(pair.value.devicePath);
  if (!device.ok) throw new Error(device.error);
  folder.defer(() => device.value.close());

  const seen: Measurement[] = [];
  manager.on('measurement', (measurement) => void seen.push(measurement));
  const good = nextEvent<[Measurement]>(manager, 'measurement', (m) => m.kind === 'thermometer' && m.celsius === 37.4);
  for (const { celsius, exponent } of IMPLAUSIBLE_READINGS) {
    expect(await device.value.sendReading(celsius, { exponent, site: 'ear' })).toEqual({ ok: true, value: undefined });
  }
  // NaN and infinities are not numbers a device measured: the codec already refuses them, uncounted.
  await device.value.sendReading(Number.NaN);
  await device.value.sendReading(Infinity);
  await device.value.sendReading(37.4, { site: 'ear' });
  await good;

  // The line keeps its order: everything sent before 37.4 has been handled by now.
  expect(seen).toEqual([{ kind: 'thermometer', celsius: 37.4, site: 'ear', takenAt: null }]);
  expect(manager.rejectedReadings()).toEqual(refusals({ bodyTemperature: 3 }));
  const warnings = lines.filter((line) => line.level === 40).map(({ msg, reason }) => ({ msg, reason }));
  expect(warnings).toEqual([
    ...IMPLAUSIBLE_READINGS.map(() => ({ msg: 'implausible reading refused', reason: 'outside 30–45 °C' })),
    { msg: 'bad frame skipped', reason: expect.stringContaining('NaN') },
    { msg: 'bad frame skipped', reason: expect.stringContaining('+INF') },
  ]);
  // Logs rest on disk: none of the values, not even the good one, may be in them (time and pid aside).
  const logged = JSON.stringify(lines.map(({ time: _time, pid: _pid, ...rest }) => rest));
  for (const fragment of [...IMPLAUSIBLE_FRAGMENTS, /37[.,]4/]) expect(logged).not.toMatch(fragment);
});
