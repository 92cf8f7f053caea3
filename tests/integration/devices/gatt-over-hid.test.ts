import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DevicesConfigSchema } from '../../../common/device-config';
import type { DeviceKind, DeviceStatus } from '../../../common/devices';
import type { Measurement } from '../../../common/measurements';
import { DeviceManager } from '../../../devices/manager';
import { BloodPressureSimulator } from '../../../devices/simulators/blood-pressure-simulator';
import { simulatedHidBus } from '../../../devices/simulators/simulated-hid-bus';
import { ThermometerSimulator } from '../../../devices/simulators/thermometer-simulator';
import { recordingLogger } from '../../unit/devices/recording-logger';
import { nextEvent } from './support';

/**
 * Measuring devices on USB HID, through the whole host side: the profile entry, the registry's choice of
 * transport, HidReportTransport on the host's simulated HID bus (which fails as node-hid does), the GATT report
 * driver, the gate and the manager. The devices send real GATT record reports (devices/codecs/gatt-report.ts).
 */
const THERMOMETER = { vendorId: 0x1a86, productId: 0xe001 };
const MONITOR = { vendorId: 0x1a86, productId: 0xe002 };
/** The profile's own simulator stays quiet (a reading an hour), so that each test's device says exactly what it sends. */
const QUIET = 3600;

const between = (min: number, max: number) => ({
  asymmetricMatch: (value: unknown) => typeof value === 'number' && value >= min && value <= max,
  toString: () => `a number from ${min} to ${max}`,
});

describe('GATT devices on USB HID, through the device manager', () => {
  let manager: DeviceManager | undefined;
  const plugged: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await manager?.stop();
    manager = undefined;
    for (const device of plugged.splice(0)) await device.close();
  });

  /** The devices as a profile gives them, the schema filling in the simulators' defaults. */
  const started = async (devices: z.input<typeof DevicesConfigSchema>, logger = recordingLogger()) => {
    manager = new DeviceManager(DevicesConfigSchema.parse(devices), logger);
    await manager.start();
    return manager;
  };
  const nextMeasurement = (m: DeviceManager) => nextEvent<[Measurement]>(m, 'measurement').then(([reading]) => reading);
  const nextStatus = (m: DeviceManager, kind: DeviceKind, state: DeviceStatus['state']) =>
    nextEvent<[DeviceKind, DeviceStatus]>(m, 'status', (k, s) => k === kind && s.state === state).then(([, status]) => status);
  /** Pulls the profile's simulated device out and plugs the test's in its place, once the driver has let go. */
  const replacedBy = async <S extends { close(): Promise<void> }>(m: DeviceManager, kind: DeviceKind, address: typeof MONITOR, plug: () => S) => {
    const offline = nextStatus(m, kind, 'offline');
    expect(simulatedHidBus.unplug(address)).toBe(true);
    await offline;
    const ready = nextStatus(m, kind, 'ready');
    const device = plug();
    plugged.push(device);
    await ready;
    return device;
  };

  it('plays a profile\'s HID thermometer on the simulated bus and reads it, then unplugs it when stopped', async () => {
    const m = await started({ thermometer: { hid: THERMOMETER, simulator: { everySeconds: 0.05, celsius: 37 } } });
    expect(m.statuses()).toEqual({ thermometer: { state: 'ready' } });
    expect(await nextMeasurement(m)).toEqual({ kind: 'thermometer', celsius: between(36.8, 37.2), site: 'ear', takenAt: expect.any(String) });
    await m.stop();
    expect(m.statuses()).toEqual({ thermometer: { state: 'offline', reason: 'closed' } });
    expect(await simulatedHidBus.isPresent(THERMOMETER)).toBe(false);
  });

  it('reads exactly what a HID thermometer sent: Fahrenheit in Celsius, the site, the device clock', async () => {
    const m = await started({ thermometer: { hid: THERMOMETER, simulator: { everySeconds: QUIET, celsius: 37 } } });
    const device = await replacedBy(m, 'thermometer', THERMOMETER, () => ThermometerSimulator.plug(simulatedHidBus, THERMOMETER));
    const measurement = nextMeasurement(m);
    expect(await device.sendReading(38, { fahrenheit: true, site: 'tympanum', takenAt: new Date(2026, 11, 7, 9, 5, 30) })).toEqual({ ok: true, value: undefined });
    expect(await measurement).toEqual({ kind: 'thermometer', celsius: 38, site: 'tympanum', takenAt: '2026-12-07T09:05:30' });
  });

  it('a HID thermometer unplugged mid-measurement is absent, refuses to arm, and measures again once plugged back', async () => {
    const logger = recordingLogger();
    const m = await started({ thermometer: { hid: THERMOMETER, simulator: { everySeconds: QUIET, celsius: 37 } } }, logger);
    const first = await replacedBy(m, 'thermometer', THERMOMETER, () => ThermometerSimulator.plug(simulatedHidBus, THERMOMETER));
    expect(await m.command('thermometer', 'arm')).toEqual({ ok: true, value: undefined });

    const offline = nextStatus(m, 'thermometer', 'offline');
    await first.close();
    expect(await offline).toMatchObject({ absent: true, reason: expect.stringContaining('usb 1a86:e001') });
    expect(m.health()).toEqual([expect.objectContaining({ kind: 'thermometer', state: 'absent' })]);
    expect(await m.command('thermometer', 'arm')).toEqual({ ok: false, error: expect.stringMatching(/^the thermometer is not ready: /) });
    // What the unplugged device sends is lost: nobody reads it.
    expect((await first.sendReading(36.9)).ok).toBe(false);

    const ready = nextStatus(m, 'thermometer', 'ready');
    const again = ThermometerSimulator.plug(simulatedHidBus, THERMOMETER);
    plugged.push(again);
    await ready;
    const measurement = nextMeasurement(m);
    await again.sendReading(37.4, { site: 'ear' });
    expect(await measurement).toEqual({ kind: 'thermometer', celsius: 37.4, site: 'ear', takenAt: null });
    // It answers again; the refused arm keeps it `degraded` a while for the technician, and nothing was malformed.
    expect(m.health()).toEqual([expect.objectContaining({ state: 'degraded', malformedFrames: 0 })]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/37\.4|36\.9/);
  });

  it('reads a HID blood-pressure monitor exactly: pressures in their unit, the pulse and the irregular pulse it noticed', async () => {
    const m = await started({ bloodPressureMonitor: { hid: MONITOR, simulator: { everySeconds: QUIET } } });
    const device = await replacedBy(m, 'bloodPressureMonitor', MONITOR, () => BloodPressureSimulator.plug(simulatedHidBus, MONITOR));
    const mmHg = nextMeasurement(m);
    await device.sendReading({
      systolicMmHg: 142, diastolicMmHg: 91, meanArterialMmHg: 108, pulsePerMinute: 77,
      takenAt: new Date(2026, 2, 14, 10, 21, 5), status: { irregularPulse: true },
    });
    expect(await mmHg).toEqual({
      kind: 'bloodPressureMonitor', systolicMmHg: 142, diastolicMmHg: 91, meanArterialMmHg: 108, pulsePerMinute: 77,
      sentIn: 'mmHg', flags: ['irregularPulse'], takenAt: '2026-03-14T10:21:05',
    });
    const kPa = nextMeasurement(m);
    await device.sendReading({ systolicMmHg: 120, diastolicMmHg: 80, meanArterialMmHg: 93, sendIn: 'kPa', status: { bodyMovement: true } });
    expect(await kPa).toMatchObject({ systolicMmHg: 120.01, diastolicMmHg: 80.03, meanArterialMmHg: 93.01, sentIn: 'kPa', flags: ['bodyMovement'] });
  });

  it('counts a bad report against the monitor\'s health by its reason only, and reads the next good one', async () => {
    const logger = recordingLogger();
    const m = await started({ bloodPressureMonitor: { hid: MONITOR, simulator: { everySeconds: QUIET } } }, logger);
    const device = await replacedBy(m, 'bloodPressureMonitor', MONITOR, () => BloodPressureSimulator.plug(simulatedHidBus, MONITOR));
    const measurement = nextMeasurement(m);
    // A report whose length byte lost a bit: the value's end is left in the padding.
    await device.sendBytes(Uint8Array.of(0x01, 0x35, 0x2a, 0x03, 0x00, 0x7d, 0x00, 0x4f, 0x00, 0x5a, 0x00, 0, 0, 0, 0, 0));
    await device.sendReading({ systolicMmHg: 125, diastolicMmHg: 79, meanArterialMmHg: 94 });
    expect(await measurement).toMatchObject({ systolicMmHg: 125, diastolicMmHg: 79 });
    expect(m.health()).toEqual([expect.objectContaining({ state: 'degraded', malformedFrames: 1 })]);
    expect(logger.at('warn').filter((line) => line.msg === 'bad report skipped').map((line) => line.obj))
      .toEqual([{ device: 'bloodPressureMonitor', reason: 'GATT report: bytes after the value (a corrupt length)' }]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/125|\b79\b/);
  });

  it('a HID blood-pressure monitor unplugged mid-measurement comes back by itself and reads the next measurement', async () => {
    const m = await started({ bloodPressureMonitor: { hid: MONITOR, simulator: { everySeconds: QUIET } } });
    const before = await replacedBy(m, 'bloodPressureMonitor', MONITOR, () => BloodPressureSimulator.plug(simulatedHidBus, MONITOR));
    expect(await m.command('bloodPressureMonitor', 'arm')).toEqual({ ok: true, value: undefined });
    const offline = nextStatus(m, 'bloodPressureMonitor', 'offline');
    await before.close();
    expect(await offline).toMatchObject({ absent: true });
    expect(await m.command('bloodPressureMonitor', 'arm')).toEqual({ ok: false, error: expect.stringMatching(/^the blood pressure monitor is not ready: /) });

    const ready = nextStatus(m, 'bloodPressureMonitor', 'ready');
    const after = BloodPressureSimulator.plug(simulatedHidBus, MONITOR);
    plugged.push(after);
    await ready;
    expect(await m.command('bloodPressureMonitor', 'arm')).toEqual({ ok: true, value: undefined });
    const measurement = nextMeasurement(m);
    await after.sendReading({ systolicMmHg: 125, diastolicMmHg: 79, meanArterialMmHg: 94, pulsePerMinute: 68 });
    expect(await measurement).toEqual(expect.objectContaining({ kind: 'bloodPressureMonitor', systolicMmHg: 125, pulsePerMinute: 68, sentIn: 'mmHg', flags: [] }));
  });
});
