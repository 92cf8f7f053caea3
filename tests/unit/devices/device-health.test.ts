import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceHealth } from '../../../common/devices';
import { DeviceHealthTracker } from '../../../devices/device-health';

describe('a device\'s health', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function tracker(recentFaultMs = 60_000) {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    const changes: DeviceHealth[] = [];
    const health = new DeviceHealthTracker('thermometer', 'thermometer', { onChange: (h) => changes.push(h), recentFaultMs });
    return { health, changes };
  }

  it('is degraded while connecting and ok once the line is up', () => {
    const { health } = tracker();
    expect(health.health).toEqual({ id: 'thermometer', kind: 'thermometer', state: 'degraded', lastError: null, malformedFrames: 0, refusedReadings: 0 });
    health.linkChanged({ state: 'ready' });
    expect(health.health.state).toBe('ok');
  });

  it('is absent when its device node is not there, and in error when it is there but fails', () => {
    const { health } = tracker();
    health.linkChanged({ state: 'offline', reason: 'No such file or directory, cannot open /dev/ttyUSB0', absent: true });
    expect(health.health).toMatchObject({ state: 'absent', lastError: { message: 'No such file or directory, cannot open /dev/ttyUSB0', at: '2026-11-25T10:00:00.000Z' } });
    health.linkChanged({ state: 'offline', reason: 'Permission denied, cannot open /dev/ttyUSB0' });
    expect(health.health).toMatchObject({ state: 'error', lastError: { message: 'Permission denied, cannot open /dev/ttyUSB0' } });
  });

  it('is degraded for a while after a bad frame or a refused reading, then ok again by itself; the last error stays', () => {
    const { health, changes } = tracker(60_000);
    health.linkChanged({ state: 'ready' });
    health.malformedFrame('a SLIP frame of 65 bytes, more than 64');
    health.refusedReading('bodyTemperature outside 30–45 °C');
    expect(health.health).toMatchObject({ state: 'degraded', malformedFrames: 1, refusedReadings: 1,
      lastError: { message: 'implausible reading refused: bodyTemperature outside 30–45 °C' } });
    vi.advanceTimersByTime(59_999);
    expect(health.health.state).toBe('degraded');
    vi.advanceTimersByTime(1);
    expect(changes.at(-1)).toMatchObject({ state: 'ok', lastError: { message: 'implausible reading refused: bodyTemperature outside 30–45 °C' } });
  });

  it('counts a failed command as a fault, and the host closing the line as none', () => {
    const { health } = tracker();
    health.linkChanged({ state: 'ready' });
    health.commandFailed('the thermometer is not ready: still connecting');
    expect(health.health).toMatchObject({ state: 'degraded', lastError: { message: 'the thermometer is not ready: still connecting' } });
    health.dispose();
    const { health: closed } = tracker();
    closed.linkChanged({ state: 'offline', reason: 'closed' });
    expect(closed.health.lastError).toBeNull();
  });

  it('says a printer\'s paper and cover, degraded while its paper is near its end, and ok again with a new roll', () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    const changes: DeviceHealth[] = [];
    const printer = new DeviceHealthTracker('receiptPrinter', 'receiptPrinter', { onChange: (h) => changes.push(h) });
    expect(printer.health).toMatchObject({ state: 'degraded', printer: { paper: 'unknown', cover: 'unknown' } });
    printer.linkChanged({ state: 'ready' });
    printer.printerChanged({ paper: 'ok', cover: 'closed' });
    expect(printer.health).toMatchObject({ state: 'ok', printer: { paper: 'ok', cover: 'closed' }, lastError: null });
    printer.printerChanged({ paper: 'near-end', cover: 'closed' });
    expect(printer.health).toMatchObject({ state: 'degraded', printer: { paper: 'near-end' }, lastError: { message: 'paper near its end: put in a new roll soon' } });
    printer.printerChanged({ paper: 'ok', cover: 'closed' });
    expect(changes.at(-1)).toMatchObject({ state: 'ok', printer: { paper: 'ok' }, lastError: { message: 'paper near its end: put in a new roll soon' } });
  });

  it('is in error while a printer is out of paper or open, with what to do as its last error', () => {
    const { health } = tracker();
    health.linkChanged({ state: 'offline', reason: 'the printer is out of paper: load a new roll' });
    expect(health.health).toMatchObject({ state: 'error', lastError: { message: 'the printer is out of paper: load a new roll' } });
  });
});
