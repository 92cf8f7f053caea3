/**
 * Messages the server would not take, counted by reason and logged with the reason and the kiosk id
 * only (never the payload: it could hold anything). A flood of one reason logs once per interval with the
 * count since, so bad input cannot fill the log either.
 */
export class Refusals {
  private readonly counts = new Map<string, number>();
  private readonly lastLogged = new Map<string, { at: number; count: number }>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly clock: () => number = Date.now,
    private readonly intervalMs = 10_000,
  ) {}

  note(reason: string, topic: string): void {
    const count = (this.counts.get(reason) ?? 0) + 1;
    this.counts.set(reason, count);
    const last = this.lastLogged.get(reason);
    const now = this.clock();
    if (last && now - last.at < this.intervalMs) return;
    const since = last ? count - last.count : 1;
    this.lastLogged.set(reason, { at: now, count });
    this.log(`fleet ingest refused a message on ${topic.slice(0, 120)}: ${reason} (${since} since last said, ${count} in all)`);
  }

  /** Every reason with its count since the server started. */
  totals(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
