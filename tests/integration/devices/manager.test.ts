import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceHealth, DeviceStatus } from '../../../common/devices';
import { DisposableStore } from '../../../common/disposables';
import { simulate } from '../../../devices/registry';
import { openPtyPair } from '../../../devices/simulators/pty-pair';
import { SerialTransport } from '../../../devices/transports/serial-transport';
import type { Measurement } from '../../../common/measurements';
import { DeviceManager } from '../../../devices/manager';
import { silentLogger } from '../../../devices/logger';
import { nextEvent, processesMentioning, tempFolder } from './support';

/** Matches a number from `min` to `max`, for readings a demo device varies. */
const between = (min: number, max: number) => ({
  asymmetricMatch: (value: unknown) => typeof value === 'number' && value >= min && value <= max,
  toString: () => `a number from ${min} to ${max}`,
});

describe('DeviceManager', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  let manager: DeviceManager | undefined;

  beforeEach(async () => {
    folder = await tempFolder();
  });

  afterEach(async () => {
    await manager?.stop();
    manager = undefined;
    await folder.remove();
  });

  it('runs a simulated thermometer from a profile, then stops it without leaving socat behind', async () => {
    const path = folder.path('thermometer');
    manager = new DeviceManager(
      { thermometer: { serial: { path, baudRate: 9600 }, simulator: { everySeconds: 0.1, celsius: 37 } } },
      silentLogger,
    );
    const measurement = nextEvent<[Measurement]>(manager, 'measurement');
    await manager.start();
    expect(manager.statuses()).toEqual({ thermometer: { state: 'ready' } });

    const [reading] = await measurement;
    if (reading.kind !== 'thermometer') throw new Error(`expected a temperature, got a ${reading.kind} measurement`);
    expect(reading.celsius).toBeGreaterThanOrEqual(36.8);
    expect(reading.celsius).toBeLessThanOrEqual(37.2);
    expect(reading.site).toBe('ear');

    await manager.stop();
    await manager.stop();
    expect(await processesMentioning(path)).toEqual([]);
    expect(manager.statuses()).toEqual({ thermometer: { state: 'offline', reason: 'closed' } });
  });

  it('keeps running without socat and says how to fix it', async () => {
    const statuses: Array<[string, DeviceStatus]> = [];
    const path = process.env.PATH;
    process.env.PATH = folder.path('no-bin-here');
    try {
      manager = new DeviceManager(
        {
          thermometer: {
            serial: { path: folder.path('thermometer'), baudRate: 9600 },
            simulator: { everySeconds: 1, celsius: 37 },
          },
        },
        silentLogger,
      );
      manager.on('status', (kind, status) => statuses.push([kind, status]));
      await manager.start();
    } finally {
      process.env.PATH = path;
    }
    expect(manager.statuses().thermometer).toEqual({
      state: 'offline', reason: expect.stringContaining('apt-get install socat'),
    });
    const seen = statuses.map(([kind, s]) => `${kind} ${s.state}`);
    expect(seen).toEqual(['thermometer connecting', 'thermometer offline']);
  });

  it('reports a missing serial device offline with the reason', async () => {
    const serial = { path: folder.path('ttyUSB9'), baudRate: 9600 };
    manager = new DeviceManager({ thermometer: { serial } }, silentLogger);
    await manager.start();
    expect(manager.statuses().thermometer).toEqual({ state: 'offline', reason: expect.stringContaining('ttyUSB9'), absent: true });
    expect(manager.health()).toEqual([{ id: 'thermometer', kind: 'thermometer', state: 'absent',
      lastError: { message: expect.stringContaining('ttyUSB9'), at: expect.any(String) }, malformedFrames: 0, refusedReadings: 0 }]);
  });

  it('says a device is absent once unplugged, ok again once back, and keeps the last error for the technician', async () => {
    const path = folder.path('thermometer');
    const serial = { path, baudRate: 9600 };
    // The device: a simulator behind a pty pair whose kiosk side is `path`; stopping it is pulling the cable.
    const plug = async () => {
      const played = await simulate('thermometer', { serial, simulator: { everySeconds: 0.2, celsius: 37 } }, silentLogger);
      if (!played.ok) throw new Error(played.error);
      const device = new DisposableStore();
      for (const stop of played.value) device.add(stop);
      return device;
    };
    let device = await plug();
    manager = new DeviceManager({ thermometer: { serial } }, silentLogger);
    await manager.start();
    expect(manager.health()[0]!.state).toBe('ok');
    try {
      const absent = nextEvent(manager, 'health', (health: DeviceHealth) => health.state === 'absent');
      await device.dispose();
      expect((await absent)[0]).toMatchObject({ lastError: { message: expect.stringContaining(path) } });
      const back = nextEvent(manager, 'health', (health: DeviceHealth) => health.state === 'ok');
      device = await plug();
      expect((await back)[0]).toMatchObject({ lastError: { message: expect.stringContaining(path) } });
    } finally {
      await device.dispose();
    }
  });

  it('counts bad frames and says the device is degraded, with the reason', async () => {
    const path = folder.path('thermometer');
    const pair = await openPtyPair({ kioskPath: path, devicePath: `${path}.sim` });
    if (!pair.ok) throw new Error(pair.error);
    try {
      manager = new DeviceManager({ thermometer: { serial: { path, baudRate: 9600 } } }, silentLogger);
      await manager.start();
      const degraded = nextEvent(manager, 'health', (health: DeviceHealth) => health.state === 'degraded');
      const device = new SerialTransport({ path: `${path}.sim`, baudRate: 9600 });
      await device.open();
      // A SLIP escape followed by a byte that no escape may be followed by.
      await device.write(Uint8Array.of(0xc0, 0xdb, 0x01, 0xc0));
      const [health] = await degraded;
      expect(health).toMatchObject({ state: 'degraded', malformedFrames: 1, lastError: { message: expect.stringMatching(/^bad frame: /) } });
      await device.close();
    } finally {
      await manager?.stop();
      await pair.value.stop();
    }
  });

  it('does nothing for a profile without devices', async () => {
    manager = new DeviceManager({}, silentLogger);
    await manager.start();
    expect(manager.statuses()).toEqual({});
  });

  it('runs every kind of the registry side by side, each from its own profile entry', async () => {
    manager = new DeviceManager({
      thermometer: { serial: { path: folder.path('thermometer'), baudRate: 9600 }, simulator: { everySeconds: 0.2, celsius: 37 } },
      pulseOximeter: { model: 'cms50d', serial: { path: folder.path('oximeter'), baudRate: 19200 }, simulator: { spo2: 96, pulse: 70, everySeconds: 6 } },
      bloodPressureMonitor: {
        serial: { path: folder.path('blood-pressure'), baudRate: 9600 },
        simulator: { everySeconds: 0.2, systolic: 131, diastolic: 84, pulse: 66, irregularPulse: true },
      },
      scale: { serial: { path: folder.path('scale'), baudRate: 9600 }, simulator: { everySeconds: 0.2, kilograms: 81.5 } },
    }, silentLogger);
    const next = (kind: Measurement['kind']) => nextEvent<[Measurement]>(manager!, 'measurement', (m) => m.kind === kind).then(([m]) => m);
    const [oximetry, temperature, bloodPressure, weight] = [next('pulseOximeter'), next('thermometer'), next('bloodPressureMonitor'), next('scale')];
    await manager.start();
    expect(manager.statuses()).toEqual({
      thermometer: { state: 'ready' }, pulseOximeter: { state: 'ready' }, bloodPressureMonitor: { state: 'ready' }, scale: { state: 'ready' },
    });
    expect(await oximetry).toEqual({ kind: 'pulseOximeter', spo2Percent: 96, pulsePerMinute: 70 });
    expect(await temperature).toMatchObject({ kind: 'thermometer', site: 'ear' });
    // The demo devices vary a little from reading to reading, as real ones do.
    expect(await bloodPressure).toEqual({
      kind: 'bloodPressureMonitor', systolicMmHg: between(127, 135), diastolicMmHg: between(81, 87),
      meanArterialMmHg: between(81, 135), pulsePerMinute: between(63, 69), sentIn: 'mmHg',
      flags: ['irregularPulse'], takenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
    });
    expect(await weight).toEqual({
      kind: 'scale', kilograms: between(81.2, 81.8), sentIn: 'kg', bmi: null, heightMetres: null, takenAt: expect.any(String),
    });
  });

  it('passes the commands a kind accepts to its driver, and answers anything else with an error value', async () => {
    manager = new DeviceManager({ thermometer: { serial: { path: folder.path('ttyUSB9'), baudRate: 9600 } } }, silentLogger);
    await manager.start();
    expect(await manager.command('pulseOximeter', 'arm')).toEqual({ ok: false, error: 'this kiosk has no pulseOximeter' });
    // The driver's own answer: the line is not there, so it cannot be armed.
    expect(await manager.command('thermometer', 'arm')).toEqual({ ok: false, error: expect.stringMatching(/^the thermometer is not ready: .*ttyUSB9/) });
    expect(await manager.command('thermometer', 'cancel')).toEqual({ ok: true, value: undefined });
  });
});
