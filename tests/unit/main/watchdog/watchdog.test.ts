import { describe, expect, it } from 'vitest';
import { Watchdog, type WatchdogEvent } from '../../../../main/watchdog/watchdog';
import { captureLog } from '../../../support/capture-log';

function startWatchdog({ withReload = true } = {}) {
  let now = 0;
  let attached = true;
  const calls: string[] = [];
  const { log, lines } = captureLog();
  const watchdog = new Watchdog({
    settings: { hangTimeoutMs: 10_000, maxFailures: 3, failureWindowMs: 120_000 },
    log,
    viewAttached: () => attached,
    reloadHungView: withReload ? () => calls.push('reload') : undefined,
    send: (event: WatchdogEvent) => calls.push(event.type),
    now: () => now,
  });
  return {
    watchdog, calls, lines,
    advance: (ms: number) => { now += ms; watchdog.check(); },
    detach: () => (attached = false),
  };
}

describe('the watchdog', () => {
  it('reloads a page silent for the timeout, then tells the session, and logs it once', () => {
    const dog = startWatchdog();
    dog.advance(9_000);
    dog.watchdog.beat();
    dog.advance(9_000);
    expect(dog.calls).toEqual([]);
    dog.advance(1_000);
    expect(dog.calls).toEqual(['reload', 'WATCHDOG.RECOVERED']);
    expect(dog.lines.filter((l) => l.level === 50)).toHaveLength(1);
  });

  it('answers a crash with a reload and the visit ended, and never logs a heartbeat', () => {
    const dog = startWatchdog();
    for (let i = 0; i < 100; i++) dog.watchdog.beat();
    expect(dog.lines).toEqual([]);
    expect(dog.watchdog.viewFailed('crashed')).toBe(true);
    expect(dog.calls).toEqual(['WATCHDOG.RECOVERED']);
  });

  it('gives up at the third failure in two minutes with one error line, then leaves the page alone', () => {
    const dog = startWatchdog();
    dog.watchdog.viewFailed('crashed');
    dog.advance(5_000);
    dog.watchdog.viewFailed('crashed');
    dog.advance(10_000); // hung: the third failure
    expect(dog.calls).toEqual(['WATCHDOG.RECOVERED', 'WATCHDOG.RECOVERED', 'reload', 'WATCHDOG.GAVE_UP']);
    expect(dog.lines.at(-1)).toMatchObject({ level: 50, failure: 'hung', recentFailures: 3, msg: expect.stringMatching(/keeps failing/) });
    expect(dog.watchdog.viewFailed('crashed')).toBe(false);
    dog.advance(60_000);
    expect(dog.calls).toHaveLength(4);
  });

  it('does not call a page hung while no view is attached', () => {
    const dog = startWatchdog();
    dog.detach();
    dog.advance(60_000);
    expect(dog.calls).toEqual([]);
  });

  it('watches no hang for a shell that cannot reload a hung page', () => {
    const dog = startWatchdog({ withReload: false });
    dog.advance(60_000);
    expect(dog.calls).toEqual([]);
  });
});
