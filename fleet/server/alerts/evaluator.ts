import type { FleetStore } from '../store/store';
import { alertNotice } from './notice';
import type { AlertNotifier, NotifierLog } from './notifier';
import { conditionsNow, type WatchedKiosk } from './rules';
import { loadAlertSettings } from './settings';

export interface EvaluatorOptions {
  store: FleetStore;
  notifier: AlertNotifier;
  /** The clock the rules read (offline windows); tests move it by hand. */
  now: () => Date;
  log: NotifierLog;
}

/**
 * Turns the rules into alerts, from the store alone: every pass raises an alert for each condition that
 * holds and has none open, and clears each open alert whose condition is over. Passes never overlap;
 * the store's unique index keeps one open alert per kiosk and rule even across servers.
 */
export class AlertEvaluator {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: EvaluatorOptions) {}

  async evaluate(): Promise<{ raised: number; cleared: number }> {
    const { store, notifier } = this.options;
    const at = this.options.now();
    const settings = await loadAlertSettings(store);
    const kiosks = (await store.kiosks.list()).filter((kiosk) => kiosk.state === 'approved');
    const names = new Map(kiosks.map((kiosk) => [kiosk.id, kiosk.name]));
    const latest = new Map((await store.status.allLatest()).map((heard) => [heard.kioskId, heard]));
    const watched: WatchedKiosk[] = kiosks.map((kiosk) => {
      const heard = latest.get(kiosk.id);
      return { id: kiosk.id, createdAt: kiosk.created_at, ...(heard ? { heard: { at: heard.heardAt, status: heard.status } } : {}) };
    });
    const conditions = conditionsNow(settings.rules, watched, at);

    const open = await store.alerts.open();
    const openByKey = new Map(open.map((alert) => [`${alert.kiosk_id}/${alert.rule}`, alert]));
    const holding = new Set<string>();
    let raised = 0;
    for (const condition of conditions) {
      const key = `${condition.kioskId}/${condition.rule}`;
      holding.add(key);
      const existing = openByKey.get(key);
      if (existing) {
        if (existing.detail !== condition.detail) await store.alerts.redetail(existing.id, condition.detail);
        continue;
      }
      const alert = await store.alerts.raise({ ...condition, at: at.toISOString() });
      if (!alert) continue;
      notifier.notify(alertNotice('raised', alert, names.get(condition.kioskId) ?? null, at.toISOString()));
      raised++;
    }
    let cleared = 0;
    for (const alert of open) {
      if (holding.has(`${alert.kiosk_id}/${alert.rule}`)) continue;
      const done = await store.alerts.clear(alert.id, at.toISOString());
      if (!done) continue;
      // A kiosk revoked since is no longer among the watched: its name comes from the store.
      const name = names.get(alert.kiosk_id ?? '') ?? (alert.kiosk_id ? (await store.kiosks.byId(alert.kiosk_id))?.name : undefined);
      notifier.notify(alertNotice('cleared', done, name ?? null, at.toISOString()));
      cleared++;
    }
    return { raised, cleared };
  }

  /** Evaluates every `intervalMs` from now on; a pass that fails is logged and the next one runs as usual. */
  start(intervalMs: number): void {
    const tick = () => {
      this.running = this.evaluate()
        .catch((error: unknown) => this.options.log.warn(`alert evaluation failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops the timer and waits for a pass under way, then for the notifications it started. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.options.notifier.settled();
  }
}
