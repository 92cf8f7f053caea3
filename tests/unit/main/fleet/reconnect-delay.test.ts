import { describe, expect, it } from 'vitest';
import { FLEET_RETRY, jitteredDelayMs } from '../../../../main/fleet/reconnect-delay';

describe('jitteredDelayMs (full jitter over a capped exponential)', () => {
  it('draws the delay between zero and the exponential bound of that retry', () => {
    expect(jitteredDelayMs(0, () => 0)).toBe(0);
    expect(jitteredDelayMs(0, () => 0.5)).toBe(500);
    expect(jitteredDelayMs(3, () => 0.5)).toBe(4_000); // half of 8 s
    expect(jitteredDelayMs(3, () => 0.999_999)).toBe(7_999);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(jitteredDelayMs(40, () => 0.999_999)).toBeLessThan(FLEET_RETRY.maxMs);
    expect(jitteredDelayMs(40, () => 0.5)).toBe(FLEET_RETRY.maxMs / 2);
  });

  it('spreads a fleet that fails together over the whole window instead of one instant', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    const delays = Array.from({ length: 1_000 }, () => jitteredDelayMs(5, random)); // bound: 32 s
    const seconds = new Set(delays.map((ms) => Math.floor(ms / 1000)));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(32_000);
    expect(seconds.size).toBe(32); // every second of the window has some kiosks, none has them all
  });
});
