import { describe, expect, it } from 'vitest';
import { tokenBucket } from '../../../../main/bridge/message-rate';

describe('the bridge socket message rate (token bucket)', () => {
  it('lets a burst through at once, then refuses until time refills it', () => {
    const bucket = tokenBucket(3, 2);
    expect([0, 0, 0, 0].map((t) => bucket.take(t))).toEqual([true, true, true, false]);
    expect(bucket.take(499)).toBe(false); // 0.998 of a token
    expect(bucket.take(500)).toBe(true);
  });

  it('never stores more than the burst, however long the socket was quiet', () => {
    const bucket = tokenBucket(2, 10);
    bucket.take(0);
    expect([60_000, 60_000, 60_000].map((t) => bucket.take(t))).toEqual([true, true, false]);
  });

  it('sustains its rate under a steady flood: the burst, then 30 a second', () => {
    const bucket = tokenBucket(5, 30);
    let passed = 0;
    for (let t = 0; t <= 10_000; t++) if (bucket.take(t)) passed++;
    expect(Math.abs(passed - (5 + 300))).toBeLessThanOrEqual(1); // the last fraction of a token may round either way
  });
});
