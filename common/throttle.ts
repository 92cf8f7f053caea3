/**
 * Lets a call through at most once per `intervalMs`. Time is passed in, so tests need no clock.
 * The first call always passes.
 */
export function createThrottle(intervalMs: number): (nowMs: number) => boolean {
  let lastPassedAt = Number.NEGATIVE_INFINITY;
  return (nowMs) => {
    if (nowMs - lastPassedAt < intervalMs) return false;
    lastPassedAt = nowMs;
    return true;
  };
}
