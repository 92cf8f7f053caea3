/** How the watchdog judges the kiosk page; from the profile's `watchdog` section. */
export interface WatchdogSettings {
  /** A page attached to the bridge that sends no heartbeat for this long is hung. */
  hangTimeoutMs: number;
  /** This many failures (crashes or hangs) within `failureWindowMs` and the kiosk stops trying. */
  maxFailures: number;
  failureWindowMs: number;
}

export type ViewFailure = 'crashed' | 'hung';

/**
 * What to do about a failed page: `recover` (reload it and end any visit), `give-up` (reload it one
 * last time to show the out-of-service screen, and stop there), `stand-by` (the watchdog already gave
 * up: leave the page alone rather than loop).
 */
export type FailureDecision = 'recover' | 'give-up' | 'stand-by';

/**
 * The watchdog's decisions, with time passed in: no timer, no I/O, so every rule is tested by counting
 * milliseconds. The wiring (`watchdog.ts`) feeds it heartbeats and the clock, and acts on its answers.
 */
export class WatchdogRules {
  /** When the page last showed a sign of life, or when there was last nothing to watch. */
  private lastSignAt: number;
  private failures: number[] = [];
  private gaveUp = false;

  constructor(private readonly settings: WatchdogSettings, startedAt: number) {
    this.lastSignAt = startedAt;
  }

  /** A heartbeat (or any message proving the page's main thread runs). */
  beat(now: number): void {
    this.lastSignAt = now;
  }

  /**
   * Asked every second or so. With no view attached there is nothing to time (a page being reloaded,
   * a browser being relaunched): the clock starts again when a view is back, so it gets a full timeout.
   */
  isHung(now: number, viewAttached: boolean): boolean {
    if (this.gaveUp) return false;
    if (!viewAttached) {
      this.lastSignAt = now;
      return false;
    }
    return now - this.lastSignAt >= this.settings.hangTimeoutMs;
  }

  /** Records a failure and says what to do about it. */
  failed(now: number): FailureDecision {
    if (this.gaveUp) return 'stand-by';
    this.failures = [...this.failures.filter((at) => now - at < this.settings.failureWindowMs), now];
    // The reloaded page gets a full timeout before it can be judged hung.
    this.lastSignAt = now;
    if (this.failures.length < this.settings.maxFailures) return 'recover';
    this.gaveUp = true;
    return 'give-up';
  }

  /** Failures within the window, as of the last one: for the log line that says why it gave up. */
  get recentFailures(): number {
    return this.failures.length;
  }
}
