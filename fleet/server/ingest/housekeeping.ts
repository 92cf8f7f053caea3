import type { FleetStore } from '../store/store';

export interface HousekeepingOptions {
  store: FleetStore;
  now: () => Date;
  historyDays: number;
  everyMs: number;
  log: (line: string) => void;
}

/** One pass: status history older than the kept time goes, and commands past their expiry are expired (and audited). */
export async function houseKeep(options: Omit<HousekeepingOptions, 'everyMs' | 'log'>): Promise<void> {
  const now = options.now();
  await options.store.status.prune(new Date(now.getTime() - options.historyDays * 86_400_000).toISOString());
  for (const command of await options.store.commands.expire(now.toISOString())) {
    await options.store.audit.append({
      at: now.toISOString(), actor: 'fleet-server', action: `command.${command.name}.result`, kiosk_id: command.kiosk_id,
      result: 'failed: expired before the kiosk ran it', detail: `command ${command.id}`,
    });
  }
}

/** Runs `houseKeep` every `everyMs`; a failed pass is logged and the next one tries again. Returns the stop. */
export function startHousekeeping(options: HousekeepingOptions): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    houseKeep(options).catch((error: unknown) => options.log(`fleet housekeeping failed: ${(error as Error).message}`)).finally(() => (running = false));
  }, options.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
