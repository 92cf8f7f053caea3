import { backoffDelayMs, type BackoffDelays } from '../../../common/backoff';

/** The host restarts in a few seconds; waiting longer than 5 s only keeps the screen on "Connexion…". */
const RECONNECT: BackoffDelays = { firstMs: 250, maxMs: 5_000 };

/** Delay before reconnect attempt number `attempt` (0 for the first retry): doubles, then stays capped. */
export function reconnectDelayMs(attempt: number): number {
  return backoffDelayMs(RECONNECT, attempt);
}
