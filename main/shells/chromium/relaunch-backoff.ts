import { backoffDelayMs, type BackoffDelays } from '../../../common/backoff';

/** A browser that ran this long before exiting was healthy: the next relaunch starts from the first delay. */
const HEALTHY_RUN_MS = 60_000;

/**
 * How long to wait before relaunching a browser that exited. A browser that keeps dying waits longer
 * each time (doubling up to `max`), so a broken install does not spin the CPU; one that had been running
 * fine comes back at once.
 */
export class RelaunchBackoff {
  private failures = 0;

  constructor(private readonly delays: BackoffDelays = { firstMs: 1_000, maxMs: 30_000 }) {}

  /** The delay before the next launch, given how long the last browser ran (0 if it never started). */
  next(ranForMs: number): number {
    if (ranForMs >= HEALTHY_RUN_MS) this.failures = 0;
    return backoffDelayMs(this.delays, this.failures++);
  }
}
