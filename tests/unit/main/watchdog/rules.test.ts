import { describe, expect, it } from 'vitest';
import { WatchdogRules } from '../../../../main/watchdog/rules';

const settings = { hangTimeoutMs: 10_000, maxFailures: 3, failureWindowMs: 120_000 };

describe('the watchdog rules', () => {
  it('finds a page hung only after a full timeout without a heartbeat while it is attached', () => {
    const rules = new WatchdogRules(settings, 0);
    expect(rules.isHung(9_999, true)).toBe(false);
    rules.beat(9_000);
    expect(rules.isHung(18_999, true)).toBe(false);
    expect(rules.isHung(19_000, true)).toBe(true);
  });

  it('does not time a page while no view is attached, and gives it a full timeout once one is', () => {
    const rules = new WatchdogRules(settings, 0);
    expect(rules.isHung(60_000, false)).toBe(false); // being reloaded, or the browser relaunching
    expect(rules.isHung(69_999, true)).toBe(false);
    expect(rules.isHung(70_000, true)).toBe(true);
  });

  it('recovers from failures spread out in time, however many', () => {
    const rules = new WatchdogRules(settings, 0);
    for (let i = 0; i < 10; i++) expect(rules.failed(i * 61_000)).toBe('recover');
  });

  it('gives up at the third failure within two minutes, then stands by instead of looping', () => {
    const rules = new WatchdogRules(settings, 0);
    expect(rules.failed(0)).toBe('recover');
    expect(rules.failed(50_000)).toBe('recover');
    expect(rules.failed(119_999)).toBe('give-up');
    expect(rules.recentFailures).toBe(3);
    expect(rules.failed(500_000)).toBe('stand-by');
    // Given up: a silent page is no longer judged, so nothing more is reloaded.
    expect(rules.isHung(900_000, true)).toBe(false);
  });

  it('forgets failures older than the window', () => {
    const rules = new WatchdogRules(settings, 0);
    rules.failed(0);
    rules.failed(1_000);
    expect(rules.failed(120_000)).toBe('recover'); // the first one is two minutes old: two in the window
    expect(rules.recentFailures).toBe(2);
  });

  it('gives a reloaded page a full timeout from the failure', () => {
    const rules = new WatchdogRules(settings, 0);
    expect(rules.isHung(10_000, true)).toBe(true);
    rules.failed(10_000);
    expect(rules.isHung(19_999, true)).toBe(false);
    expect(rules.isHung(20_000, true)).toBe(true);
  });
});
