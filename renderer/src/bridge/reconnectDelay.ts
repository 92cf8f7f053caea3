const FIRST_DELAY_MS = 250;
/** The host restarts in a few seconds; waiting longer than this only keeps the screen on "Connexion…". */
const MAX_DELAY_MS = 5_000;

/** Delay before reconnect attempt number `attempt` (0 for the first retry): doubles, then stays capped. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt));
}
