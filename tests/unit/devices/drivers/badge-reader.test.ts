import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeScan } from '../../../../common/badge';
import { BadgeReaderModeSchema } from '../../../../common/device-config';
import { bootReportFor, KEYS_UP } from '../../../../devices/codecs/hid-keyboard';
import { badgeToken } from '../../../../devices/codecs/badge-token';
import { BadgeReaderDriver } from '../../../../devices/drivers/badge-reader';
import { SimulatedHidBus, type SimulatedHidDevice } from '../../../../devices/simulators/simulated-hid-bus';
import { HidReportTransport } from '../../../../devices/transports/hid-transport';
import { recordingLogger } from '../recording-logger';

const ADDRESS = { vendorId: 0x0c27, productId: 0x3bfa };
const SALT = 'a-test-salt-of-this-kiosk';
const BADGE = '04A1B2C3D4';

/** A driver on a simulated bus whose clock the test moves: each report arrives at the time the test says. */
async function rig(mode = BadgeReaderModeSchema.parse({ type: 'keyboard-wedge' })) {
  const bus = new SimulatedHidBus();
  const device = bus.plug(ADDRESS);
  const logger = recordingLogger();
  let nowMs = 0;
  const transport = new HidReportTransport({ address: ADDRESS, binding: bus, retry: { firstMs: 5, maxMs: 20 } });
  const driver = new BadgeReaderDriver(transport, logger, { mode, salt: SALT, now: () => nowMs });
  const badges: BadgeScan[] = [];
  const malformed: string[] = [];
  driver.on('badge', (scan) => badges.push(scan));
  driver.on('malformed', (reason) => malformed.push(reason));
  await driver.start();
  /** Types `text` (`\n` is Enter) on the reader `on`: key down, then up, a key every `gapMs`. */
  const type = (text: string, gapMs: number, on: SimulatedHidDevice = device) => {
    for (const char of text) {
      on.sendReport(bootReportFor(char));
      nowMs += gapMs / 2;
      on.sendReport(KEYS_UP);
      nowMs += gapMs / 2;
    }
  };
  const pause = (ms: number) => void (nowMs += ms);
  return { bus, device, driver, logger, badges, malformed, type, pause };
}

describe('BadgeReaderDriver, keyboard-wedge mode', () => {
  const drivers: BadgeReaderDriver[] = [];
  afterEach(async () => {
    await Promise.all(drivers.splice(0).map((d) => d.stop()));
  });
  const started = async (mode?: Parameters<typeof rig>[0]) => {
    const r = await rig(mode);
    drivers.push(r.driver);
    return r;
  };

  it('announces a fast scan as an opaque id, never the number', async () => {
    const { type, badges, logger } = await started();
    type(`${BADGE}\n`, 8);
    expect(badges).toEqual([{ kind: 'badgeReader', id: badgeToken(BADGE, SALT), via: 'keyboard-wedge', at: expect.any(String) }]);
    expect(JSON.stringify(badges)).not.toContain(BADGE);
    expect(JSON.stringify(logger.lines)).not.toContain(BADGE);
  });

  it('drops slow human typing, and never logs what was typed', async () => {
    const { type, badges, logger } = await started();
    type('secret99\n', 180);
    expect(badges).toEqual([]);
    expect(logger.at('debug')).toEqual([{ level: 'debug', obj: { device: 'badgeReader', reason: 'Enter came after a pause' }, msg: 'typing ignored' }]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/secret|99/);
  });

  it('drops a scan interrupted midway, then announces the next whole one', async () => {
    const { type, pause, badges } = await started();
    type('04A1B', 8);
    pause(2_000);
    type(`${BADGE}\n`, 8);
    expect(badges.map((b) => b.id)).toEqual([badgeToken(BADGE, SALT)]);
  });

  it('counts garbage reports and logs their reason, never their bytes; a garbage report breaks the scan it lands in', async () => {
    const { type, device, badges, malformed, logger } = await started();
    type('04A1B', 8);
    device.sendReport(Uint8Array.of(0xde, 0xad, 0xbe, 0xef));
    device.sendReport(Uint8Array.of(0, 0, 1, 1, 1, 1, 1, 1));
    type('2C3D4\n', 8);
    expect(badges).toEqual([]);
    expect(malformed).toEqual(['keyboard report: 4 bytes, expected 8', 'keyboard report: roll-over']);
    expect(logger.at('warn').map((line) => line.obj)).toEqual([
      { device: 'badgeReader', reason: 'keyboard report: 4 bytes, expected 8' },
      { device: 'badgeReader', reason: 'keyboard report: roll-over' },
    ]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/222|173|dead|04A1/i);
  });

  it('forgets half a scan when the reader is unplugged, and reads again once plugged back', async () => {
    const { type, device, bus, driver, badges } = await started();
    type('04A', 8);
    device.unplug();
    await new Promise<void>((resolve) => driver.once('status', () => resolve()));
    expect(driver.status).toMatchObject({ state: 'offline', absent: true });
    const again: SimulatedHidDevice = bus.plug(ADDRESS);
    await new Promise<void>((resolve) => driver.once('status', (s) => s.state === 'ready' && resolve()));
    // The test's clock has not moved: without forgetting, 04A and 1B2 would make one six-character scan.
    type('1B2\n', 0, again);
    expect(badges).toEqual([]);
    type(`${BADGE}\n`, 8, again);
    expect(badges).toHaveLength(1);
  });

  it('takes no command but answers every one without failing', async () => {
    const { driver } = await started();
    expect(await driver.command('arm')).toEqual({ ok: true, value: undefined });
  });
});

describe('BadgeReaderDriver, data mode', () => {
  it('announces the number at the layout\'s place, passes over other reports, counts bad ones', async () => {
    const { device, driver, badges, malformed } = await rig(BadgeReaderModeSchema.parse({ type: 'data', reportId: 2, offset: 1, length: 4 }));
    device.sendReport(Uint8Array.of(2, 0x04, 0xa1, 0xb2, 0xc3, 0, 0, 0));
    device.sendReport(Uint8Array.of(5, 1, 2, 3, 4)); // a status report: not a badge
    device.sendReport(Uint8Array.of(2, 0, 0, 0, 0));
    expect(badges).toEqual([{ kind: 'badgeReader', id: badgeToken('04A1B2C3', SALT), via: 'data', at: expect.any(String) }]);
    expect(malformed).toEqual(['badge report: blank badge number']);
    await driver.stop();
  });
});
