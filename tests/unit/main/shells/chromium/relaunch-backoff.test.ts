import { describe, expect, it } from 'vitest';
import { RelaunchBackoff } from '../../../../../main/shells/chromium/relaunch-backoff';

describe('RelaunchBackoff', () => {
  it('waits twice as long after each quick crash, up to the maximum', () => {
    const backoff = new RelaunchBackoff({ firstMs: 1_000, maxMs: 5_000 });
    expect([0, 10, 10, 10, 10].map((ranForMs) => backoff.next(ranForMs))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('starts again from the first delay after a browser that had been running for a minute', () => {
    const backoff = new RelaunchBackoff({ firstMs: 1_000, maxMs: 30_000 });
    backoff.next(0);
    backoff.next(0);
    expect(backoff.next(60_000)).toBe(1_000);
    expect(backoff.next(0)).toBe(2_000);
  });
});
