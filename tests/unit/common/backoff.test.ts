import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../common/backoff';

describe('backoffDelayMs', () => {
  const delays = { firstMs: 100, maxMs: 1_000 };

  it('starts at the first delay and doubles after each failure', () => {
    expect([0, 1, 2, 3].map((failures) => backoffDelayMs(delays, failures))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the maximum, however many failures', () => {
    expect(backoffDelayMs(delays, 4)).toBe(1_000);
    expect(backoffDelayMs(delays, 5_000)).toBe(1_000); // 2 ** 5000 is Infinity: still capped
  });

  it('treats a negative count as the first retry', () => {
    expect(backoffDelayMs(delays, -3)).toBe(100);
  });
});
