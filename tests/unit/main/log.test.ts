import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogFn, Logger } from 'pino';
import { encodeSlip } from '../../../devices/codecs/slip';
import { ThermometerDriver } from '../../../devices/drivers/thermometer';
import { MemoryTransport } from '../../../devices/transports/memory-transport';
import { BridgeHub } from '../../../main/bridge/hub';
import { createLogger, flushLogSummaries, type LoggerOptions } from '../../../main/log';
import { LogThrottle } from '../../../main/log-throttle';

type Line = Record<string, unknown> & { level: number; msg: string };

/** A real createLogger writing to memory: parsed lines, and the bytes a disk would have taken. */
function memoryLogger(options: LoggerOptions = {}) {
  const lines: Line[] = [];
  let bytes = 0;
  const log = createLogger({ level: 'debug', ...options }, {
    write(chunk: string) {
      bytes += Buffer.byteLength(chunk);
      lines.push(JSON.parse(chunk) as Line);
    },
  });
  return { log, lines, bytes: () => bytes };
}

const summaries = (lines: Line[]) => lines.filter((l) => typeof l.suppressed === 'number');
const withMsg = (lines: Line[], msg: string) => lines.filter((l) => l.msg === msg);

describe('createLogger: repeated lines are summarised', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('writes the first lines in full, then one summary with the exact count at the same level', () => {
    const { log, lines } = memoryLogger({ burst: 3 });
    for (let n = 0; n < 10; n++) log.warn({ n }, 'bad thing');
    expect(lines.map((l) => l.n)).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatchObject({
      level: 40, msg: '"bad thing" repeated 7 more times in the last 10 s', suppressed: 7, intervalMs: 10_000,
    });
  });

  it('writes no summary when nothing was suppressed', () => {
    const { log, lines } = memoryLogger({ burst: 3 });
    for (let n = 0; n < 3; n++) log.warn('bad thing');
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(3);
    expect(summaries(lines)).toEqual([]);
  });

  it('counts each message, and each level, separately', () => {
    const { log, lines } = memoryLogger({ burst: 2 });
    for (let n = 0; n < 5; n++) log.warn('a');
    for (let n = 0; n < 8; n++) log.warn('b');
    for (let n = 0; n < 4; n++) log.error('a');
    expect(withMsg(lines, 'a').map((l) => l.level)).toEqual([40, 40, 50, 50]);
    expect(withMsg(lines, 'b')).toHaveLength(2);
    vi.advanceTimersByTime(10_000);
    expect(summaries(lines).map((l) => [l.level, l.suppressed])).toEqual([[40, 3], [40, 6], [50, 2]]);
  });

  it('never suppresses fatal', () => {
    const { log, lines } = memoryLogger({ burst: 2 });
    for (let n = 0; n < 50; n++) log.fatal({ n }, 'dying');
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(50);
    expect(lines.every((l) => l.level === 60 && l.msg === 'dying')).toBe(true);
  });

  it('gives each interval a fresh budget, and summarises only when the interval ends', () => {
    const { log, lines } = memoryLogger({ burst: 3, intervalMs: 5_000 });
    for (let n = 0; n < 5; n++) log.info('tick');
    vi.advanceTimersByTime(4_999);
    expect(lines).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(summaries(lines)).toMatchObject([{ suppressed: 2, intervalMs: 5_000, msg: '"tick" repeated 2 more times in the last 5 s' }]);
    for (let n = 0; n < 3; n++) log.info('tick');
    expect(withMsg(lines, 'tick')).toHaveLength(6);
  });

  it('covers child loggers, and the summary keeps the bindings of the first one', () => {
    const { log, lines } = memoryLogger({ burst: 1 });
    const devices = log.child({ layer: 'devices' });
    for (let n = 0; n < 4; n++) devices.warn('device offline');
    log.warn('device offline');
    expect(lines).toHaveLength(1);
    flushLogSummaries(devices);
    expect(summaries(lines)).toMatchObject([{ layer: 'devices', suppressed: 4 }]);
  });

  it('writes pending summaries on flush and starts a fresh budget', () => {
    const { log, lines } = memoryLogger({ burst: 1 });
    log.error('x'); log.error('x'); log.error('x');
    flushLogSummaries(log);
    expect(summaries(lines)).toMatchObject([{ level: 50, suppressed: 2 }]);
    log.error('x');
    expect(withMsg(lines, 'x')).toHaveLength(2);
    vi.advanceTimersByTime(10_000);
    expect(summaries(lines)).toHaveLength(1); // the flush ended the window: nothing counted twice
  });

  it('keys on the message template, not on the formatted text or the fields', () => {
    const { log, lines } = memoryLogger({ burst: 1 });
    for (let n = 0; n < 3; n++) log.warn({ reason: `r${n}` }, 'frame %d bad', n);
    expect(lines.map((l) => l.msg)).toEqual(['frame 0 bad']);
  });
});

describe('LogThrottle', () => {
  const method: LogFn = () => {};
  const logger = {} as Logger;

  it('arms its window timer unref()ed, so a pending summary never keeps the process alive', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const throttle = new LogThrottle();
    try {
      throttle.admit(logger, method, 40, 'x');
      throttle.admit(logger, method, 40, 'x');
      expect(spy).toHaveBeenCalledTimes(1); // one timer per window, not per line
      expect((spy.mock.results[0]!.value as NodeJS.Timeout).hasRef()).toBe(false);
    } finally {
      throttle.flush();
      spy.mockRestore();
    }
  });

  it('tracks at most maxKeys kinds, and counts a flood of distinct messages under one overflow per level', () => {
    vi.useFakeTimers();
    try {
      const throttle = new LogThrottle({ maxKeys: 100, burst: 2 });
      let written = 0;
      for (let n = 0; n < 100_000; n++) if (throttle.admit(logger, method, 40, `message ${n}`)) written++;
      expect(throttle.trackedKinds).toBe(101);
      expect(written).toBe(100 + 2); // each tracked kind once, then the overflow's own burst
      throttle.flush();
      expect(throttle.trackedKinds).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says how many lines the overflow swallowed', () => {
    vi.useFakeTimers();
    try {
      const { log, lines } = memoryLogger({ maxKeys: 4, burst: 2 });
      for (let n = 0; n < 100; n++) log.warn(`distinct ${n}`);
      expect(lines).toHaveLength(6);
      flushLogSummaries(log);
      expect(summaries(lines)).toEqual([expect.objectContaining({
        level: 40, suppressed: 94, msg: '94 more lines of other kinds suppressed in the last 10 s (over 4 distinct messages)',
      })]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a flood through the real host paths', () => {
  // 100k rejections wrote 31.7 MB before summarising (one ~317-byte line each).
  const BOUND = 20_000;
  // Fake timers, so a slow machine cannot cut the flood into two windows.
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('keeps 100 000 malformed bridge messages under 20 kB, with the right count', () => {
    const { log, lines, bytes } = memoryLogger({ level: 'info' });
    const hub = new BridgeHub(() => {}, log);
    const view = hub.attach({ label: 'chromium#1', send: () => {} });
    for (let n = 0; n < 100_000; n++) view.receive({ type: 'ADMIN.EXIT', n });
    flushLogSummaries(log);
    expect(bytes()).toBeLessThan(BOUND);
    expect(withMsg(lines, 'rejected a malformed bridge message')).toHaveLength(10);
    expect(summaries(lines)).toEqual([expect.objectContaining({
      level: 40, suppressed: 99_990, intervalMs: 10_000,
      msg: '"rejected a malformed bridge message" repeated 99990 more times in the last 10 s',
    })]);
  });

  it('summarises the thermometer\'s bad frames through the child logger the host gives devices', async () => {
    const { log, lines } = memoryLogger({ level: 'info' });
    const transport = new MemoryTransport();
    const driver = new ThermometerDriver(transport, log.child({ layer: 'devices' }));
    await driver.start();
    for (let n = 0; n < 1_000; n++) transport.deviceSends(encodeSlip(Uint8Array.of(0x01))); // too short for a GATT frame
    flushLogSummaries(log);
    expect(withMsg(lines, 'bad frame skipped')).toHaveLength(10);
    expect(summaries(lines)).toEqual([expect.objectContaining({ level: 40, layer: 'devices', suppressed: 990 })]);
  });
});
