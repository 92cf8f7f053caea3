/** Five taps within three seconds: quick enough to be on purpose, rare enough that nobody does it by chance. */
const ADMIN_GESTURE = { taps: 5, withinMs: 3_000 } as const;

/**
 * Counts taps; answers true on the tap that completes the gesture (`taps` taps, the first and the last
 * no more than `withinMs` apart), then starts counting afresh.
 */
export function createTapCounter({ taps, withinMs } = ADMIN_GESTURE): (now: number) => boolean {
  let times: number[] = [];
  return (now) => {
    times = [...times.filter((t) => now - t <= withinMs), now];
    if (times.length < taps) return false;
    times = [];
    return true;
  };
}
