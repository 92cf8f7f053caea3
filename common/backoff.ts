/** Capped exponential backoff: wait `firstMs` before the first retry, double after each failure, never beyond `maxMs`. */
export interface BackoffDelays {
  firstMs: number;
  maxMs: number;
}

/**
 * The delay before retry number `failures` (0 for the first). Every retry loop of the kiosk uses it:
 * the Chromium relaunch, the serial reconnect, the renderer's socket. Time is not read here, so each
 * caller keeps its own rule for when to start again from the first delay.
 */
export function backoffDelayMs({ firstMs, maxMs }: BackoffDelays, failures: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, failures));
}
