/**
 * How many messages a view may send: `burst` at once, then `perSecond`. A kiosk page sends a handful a
 * second (a tap, one activity report a second, a "painted" per screen); far beyond that is a bug or an
 * attack, and it must cost the host neither memory nor its event loop. Both shells apply it per view.
 */
export const VIEW_MESSAGE_RATE = { burst: 60, perSecond: 30 } as const;

/** `take` answers whether one more message fits: `burst` at once, refilled at `perSecond`. */
export function tokenBucket(burst: number, perSecond: number): { take(nowMs: number): boolean } {
  let tokens = burst;
  let last: number | null = null;
  return {
    take(nowMs) {
      // Multiplied before divided, so that whole milliseconds refill exact amounts.
      if (last !== null) tokens = Math.min(burst, tokens + ((nowMs - last) * perSecond) / 1000);
      last = nowMs;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
