import type { Logger } from '../log';
import { WatchdogRules, type FailureDecision, type ViewFailure, type WatchdogSettings } from './rules';

/** What a watchdog decision ends in: a host-raised session event (never from a renderer). */
export type WatchdogEvent = { type: 'WATCHDOG.RECOVERED' } | { type: 'WATCHDOG.GAVE_UP' };

export interface WatchdogOptions {
  settings: WatchdogSettings;
  log: Logger;
  /** True while a view is attached to the bridge: only then can a silent page be called hung. */
  viewAttached(): boolean;
  /** Reloads a hung page (the shell); absent for a shell that cannot, and then hangs are not watched. */
  reloadHungView?: () => void;
  /** The session: RECOVERED ends any visit through the wipe; GAVE_UP leaves the kiosk out of service. */
  send(event: WatchdogEvent): void;
  now?: () => number;
  /** How often to look for a hung page. */
  checkEveryMs?: number;
}

/**
 * The thin, timed side of the watchdog: heartbeats in, decisions (from `WatchdogRules`) out. A crash is
 * reported by the shell through `viewFailed`; a hang is found here. Either way the session is told
 * after the reload has begun, so the wipe it starts waits for the fresh page rather than the dead one.
 */
export class Watchdog {
  private readonly rules: WatchdogRules;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WatchdogOptions) {
    this.now = options.now ?? (() => performance.now());
    this.rules = new WatchdogRules(options.settings, this.now());
  }

  start(): void {
    if (!this.options.reloadHungView || this.timer) return;
    this.timer = setInterval(() => this.check(), this.options.checkEveryMs ?? 1_000).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The page is alive. Called for every heartbeat: never logs. */
  beat(): void {
    this.rules.beat(this.now());
  }

  /** The shell's page failed; answers whether the shell should reload it. */
  viewFailed(failure: ViewFailure): boolean {
    return this.decide(failure, () => {});
  }

  /** Looks for a hung page; exposed for tests that drive time themselves. */
  check(): void {
    const reload = this.options.reloadHungView;
    if (reload && this.rules.isHung(this.now(), this.options.viewAttached())) this.decide('hung', reload);
  }

  private decide(failure: ViewFailure, reload: () => void): boolean {
    const decision: FailureDecision = this.rules.failed(this.now());
    const { log, send, settings } = this.options;
    const context = { failure, recentFailures: this.rules.recentFailures, windowSeconds: settings.failureWindowMs / 1000 };
    switch (decision) {
      case 'recover':
        log.error(context, 'the kiosk page failed: reloading it and ending any visit');
        reload();
        send({ type: 'WATCHDOG.RECOVERED' });
        return true;
      case 'give-up':
        // One line the fleet can alert on: a page that fails this often will not get better by itself.
        log.error(context, 'the kiosk page keeps failing: out of service until the kiosk is restarted');
        reload(); // once more, so that the out-of-service screen shows
        send({ type: 'WATCHDOG.GAVE_UP' });
        return true;
      case 'stand-by':
        log.warn(context, 'the kiosk page failed again; out of service, so it is left as it is');
        return false;
    }
  }
}
