import { describe, expect, it } from 'vitest';
import { tokenBucket } from '../../../../../main/shells/chromium/bridge-connection';

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

  it('sustains exactly its rate', () => {
    const bucket = tokenBucket(1, 30);
    let passed = 0;
    for (let t = 0; t <= 10_000; t += 5) if (bucket.take(t)) passed++;
    expect(passed).toBe(1 + 300);
  });
});
