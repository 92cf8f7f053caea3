import { beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../common/devices';
import type { MeasurementOf } from '../../../../common/measurements';
import { encodeCms50dFrame, type Cms50dFrameInput } from '../../../../devices/codecs/cms50d';
import { PulseOximeterDriver } from '../../../../devices/drivers/pulse-oximeter';
import { STEADY_FRAMES } from '../../../../devices/drivers/steady-oximetry';
import { ReadingGate } from '../../../../devices/reading-gate';
import { MemoryTransport } from '../../../../devices/transports/memory-transport';
import { recordingLogger } from '../recording-logger';
import { refusals } from '../../../support/refusals';

/** `count` identical frames on the wire, finger in, with a plausible waveform. */
const frames = (count: number, input: Cms50dFrameInput): Uint8Array => {
  const one = encodeCms50dFrame({ signal: 6, pleth: 40, bar: 5, ...input });
  return Uint8Array.from({ length: count * one.length }, (_, i) => one[i % one.length]!);
};
const reading = (spo2Percent: number, pulsePerMinute: number) => ({ spo2Percent, pulsePerMinute });
const FINGER_OUT: Cms50dFrameInput = { fingerOut: true, searching: true, signal: 0, pulsePerMinute: null, spo2Percent: null };
const SEARCHING: Cms50dFrameInput = { searching: true, pulsePerMinute: null, spo2Percent: null };

describe('PulseOximeterDriver', () => {
  let transport: MemoryTransport;
  let logger: ReturnType<typeof recordingLogger>;
  let gate: ReadingGate;
  let driver: PulseOximeterDriver;
  let measurements: Array<MeasurementOf<'pulseOximeter'>>;
  let statuses: DeviceStatus[];

  beforeEach(async () => {
    transport = new MemoryTransport();
    logger = recordingLogger();
    gate = new ReadingGate(logger);
    driver = new PulseOximeterDriver(transport, logger, gate);
    measurements = [];
    statuses = [];
    driver.on('measurement', (m) => measurements.push(m));
    driver.on('status', (s) => statuses.push(s));
    await driver.start();
  });

  it('emits one measurement for a steady reading, however long it lasts', () => {
    transport.deviceSends(frames(STEADY_FRAMES * 10, reading(97, 74)));
    expect(measurements).toEqual([{ kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 74 }]);
  });

  it('waits until the reading has been steady for a full run after searching', () => {
    transport.deviceSends(frames(30, SEARCHING));
    transport.deviceSends(frames(STEADY_FRAMES - 1, reading(98, 72)));
    expect(measurements).toEqual([]);
    transport.deviceSends(frames(1, reading(98, 72)));
    expect(measurements).toEqual([{ kind: 'pulseOximeter', spo2Percent: 98, pulsePerMinute: 72 }]);
  });

  it('assembles frames that arrive one byte at a time', () => {
    for (const byte of frames(STEADY_FRAMES, reading(96, 140))) transport.deviceSends(Uint8Array.of(byte));
    expect(measurements).toEqual([{ kind: 'pulseOximeter', spo2Percent: 96, pulsePerMinute: 140 }]);
  });

  it('emits nothing while the finger is out or the device searches, and warns of nothing', () => {
    transport.deviceSends(frames(STEADY_FRAMES * 3, FINGER_OUT));
    transport.deviceSends(frames(STEADY_FRAMES * 3, SEARCHING));
    expect(measurements).toEqual([]);
    expect(logger.at('warn')).toEqual([]);
  });

  it('takes a pulse that wanders by one beat as the same reading', () => {
    const wander = [74, 75, 74, 73].map((pulse) => frames(STEADY_FRAMES / 2, reading(97, pulse)));
    for (const part of wander) transport.deviceSends(part);
    expect(measurements).toEqual([{ kind: 'pulseOximeter', spo2Percent: 97, pulsePerMinute: 74 }]);
  });

  it('emits again when the reading changes, and not when the same reading comes back', () => {
    transport.deviceSends(frames(STEADY_FRAMES, reading(97, 74)));
    transport.deviceSends(frames(STEADY_FRAMES, reading(95, 80)));
    transport.deviceSends(frames(10, FINGER_OUT));
    transport.deviceSends(frames(STEADY_FRAMES, reading(95, 81)));
    expect(measurements.map((m) => [m.spo2Percent, m.pulsePerMinute])).toEqual([[97, 74], [95, 80]]);
  });

  it('ignores values sent with a probe error, and tells a technician once when it starts and ends', () => {
    transport.deviceSends(frames(STEADY_FRAMES * 2, { ...reading(97, 74), probeError: true }));
    expect(measurements).toEqual([]);
    transport.deviceSends(frames(STEADY_FRAMES, reading(97, 74)));
    expect(measurements).toHaveLength(1);
    expect(logger.lines.filter((line) => /probe/.test(line.msg))).toEqual([
      { level: 'warn', obj: { device: 'pulseOximeter' }, msg: 'the device reports a probe error' },
      { level: 'info', obj: { device: 'pulseOximeter' }, msg: 'probe error cleared' },
    ]);
  });

  it('warns about bad frames without their bytes, and a bad frame breaks steadiness', () => {
    transport.deviceSends(frames(STEADY_FRAMES - 1, reading(97, 74)));
    transport.deviceSends(Uint8Array.of(0x85, 0x32, 0x08)); // cut short by the next frame's sync byte
    transport.deviceSends(frames(STEADY_FRAMES - 1, reading(97, 74)));
    transport.deviceSends(Uint8Array.of(0x01, 0x02, 0x03)); // stray bytes between frames
    transport.deviceSends(frames(STEADY_FRAMES - 1, reading(97, 74)));
    expect(measurements).toEqual([]);
    transport.deviceSends(frames(1, reading(97, 74)));
    expect(measurements).toHaveLength(1);
    expect(logger.at('warn')).toEqual([
      { level: 'warn', obj: { device: 'pulseOximeter', reason: 'CMS50D: frame cut short after 3 of 5 bytes' }, msg: 'bad frame skipped' },
      { level: 'warn', obj: { device: 'pulseOximeter', reason: expect.stringMatching(/outside a frame/) }, msg: 'bad frame skipped' },
    ]);
  });

  it('never logs a measured value', () => {
    transport.deviceSends(frames(STEADY_FRAMES, { ...reading(93, 88), probeError: true }));
    transport.deviceSends(Uint8Array.of(0x85, 0x32, 0x08, 0x58));
    transport.deviceSends(frames(STEADY_FRAMES, reading(93, 88)));
    transport.deviceSends(frames(STEADY_FRAMES, reading(21, 88)));
    expect(measurements).toHaveLength(1);
    expect(logger.lines.length).toBeGreaterThan(2);
    expect(JSON.stringify(logger.lines)).not.toMatch(/93|88|21|5d|58/i);
  });

  describe('plausible ranges (SpO2 50–100 %, pulse 25–250 /min)', () => {
    it.each([
      ['SpO2 20 %', reading(20, 74), { spo2: 1, pulseRate: 0 }, ['outside 50–100 %']],
      ['SpO2 120 %', reading(120, 74), { spo2: 1, pulseRate: 0 }, ['outside 50–100 %']],
      ['pulse 15', reading(97, 15), { spo2: 0, pulseRate: 1 }, ['outside 25–250 /min']],
      ['pulse 254', reading(97, 254), { spo2: 0, pulseRate: 1 }, ['outside 25–250 /min']],
      ['both', reading(0, 0), { spo2: 1, pulseRate: 1 }, ['outside 50–100 %', 'outside 25–250 /min']],
    ])('refuses %s once per steady run, counts it, and warns without the value', (_label, values, counts, reasons) => {
      transport.deviceSends(frames(STEADY_FRAMES * 5, values));
      expect(measurements).toEqual([]);
      expect(gate.rejectedReadings()).toEqual(refusals(counts));
      expect(logger.at('warn').map((line) => line.obj)).toEqual(
        reasons.map((reason) => ({ device: 'pulseOximeter', kind: expect.any(String), reason })));
    });

    it.each([[50, 25], [100, 250], [97, 74]])('accepts SpO2 %s %% with pulse %s and counts nothing', (spo2, pulse) => {
      transport.deviceSends(frames(STEADY_FRAMES, reading(spo2, pulse)));
      expect(measurements).toEqual([{ kind: 'pulseOximeter', spo2Percent: spo2, pulsePerMinute: pulse }]);
      expect(gate.rejectedReadings()).toEqual(refusals());
    });

    it('passes the next good reading after a refused one', () => {
      transport.deviceSends(frames(STEADY_FRAMES, reading(20, 74)));
      transport.deviceSends(frames(STEADY_FRAMES, reading(97, 74)));
      expect(measurements.map((m) => m.spo2Percent)).toEqual([97]);
    });
  });

  describe('commands', () => {
    it('arms when the line is ready, and forgets the last reading so a fresh one is emitted', async () => {
      transport.deviceSends(frames(STEADY_FRAMES, reading(97, 74)));
      transport.deviceSends(frames(STEADY_FRAMES / 2, reading(97, 74)));
      expect(await driver.command('arm')).toEqual({ ok: true, value: undefined });
      transport.deviceSends(frames(STEADY_FRAMES - 1, reading(97, 74))); // the run restarted at arm
      expect(measurements).toHaveLength(1);
      transport.deviceSends(frames(1, reading(97, 74)));
      expect(measurements).toHaveLength(2);
    });

    it('refuses to arm while the line is down, saying why', async () => {
      transport.deviceDisconnects('device unplugged');
      expect(await driver.command('arm')).toEqual({ ok: false, error: 'the pulse oximeter is not ready: device unplugged' });
      await driver.stop();
      expect(await driver.command('arm')).toEqual({ ok: false, error: 'the pulse oximeter is not ready: closed' });
    });

    it('refuses to arm while still connecting', async () => {
      const connecting = new PulseOximeterDriver(new MemoryTransport(), logger);
      const starting = connecting.start();
      expect(await connecting.command('arm')).toEqual({ ok: false, error: 'the pulse oximeter is not ready: still connecting' });
      await starting;
      expect(await connecting.command('arm')).toEqual({ ok: true, value: undefined });
    });

    it('cancels without fuss', async () => {
      expect(await driver.command('cancel')).toEqual({ ok: true, value: undefined });
    });
  });

  it('forwards the link status, and a frame or a run cut by a dropped line counts for nothing', () => {
    transport.deviceSends(frames(STEADY_FRAMES - 10, reading(97, 74)));
    transport.deviceSends(Uint8Array.of(0x85, 0x32));
    transport.deviceDisconnects('unplugged');
    transport.deviceReconnects();
    transport.deviceSends(frames(10, reading(97, 74)));
    expect(measurements).toEqual([]);
    transport.deviceSends(frames(STEADY_FRAMES - 10, reading(97, 74)));
    expect(measurements).toHaveLength(1);
    expect(logger.at('warn')).toEqual([]);
    expect(statuses).toEqual([
      { state: 'connecting' }, { state: 'ready' }, { state: 'offline', reason: 'unplugged' }, { state: 'ready' },
    ]);
  });

  it('reports offline once stopped, and stopping twice is harmless', async () => {
    await driver.stop();
    await driver.stop();
    expect(driver.status).toEqual({ state: 'offline', reason: 'closed' });
    expect(statuses.at(-1)).toEqual({ state: 'offline', reason: 'closed' });
    expect(transport.deviceSends(frames(1, reading(97, 74)))).toBe(false);
  });
});
