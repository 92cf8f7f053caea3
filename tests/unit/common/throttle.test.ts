import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../../common/throttle';

describe('activity throttle', () => {
  it('lets the first touch through at once', () => {
    expect(createThrottle(1000)(5)).toBe(true);
  });

  it('lets at most one through per second however fast the touches come', () => {
    const mayReport = createThrottle(1000);
    const passed = [0, 100, 500, 999, 1000, 1500, 1999, 2000].filter((t) => mayReport(t));
    expect(passed).toEqual([0, 1000, 2000]);
  });

  it('counts the second from the last touch let through, not the last one seen', () => {
    const mayReport = createThrottle(1000);
    mayReport(0);
    mayReport(900);
    expect(mayReport(1001)).toBe(true);
  });
});
