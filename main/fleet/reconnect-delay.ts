import { backoffDelayMs, type BackoffDelays } from '../../common/backoff';

/** The broker and the fleet API are asked again after 1 s, 2 s, 4 s… at most 2 minutes, each with full jitter. */
export const FLEET_RETRY: BackoffDelays = { firstMs: 1_000, maxMs: 120_000 };

/**
 * "Full jitter": a uniformly random delay between zero and the capped exponential one. After a broker
 * restart, a thousand kiosks come back spread over the whole window instead of in the same second,
 * and each later round spreads them wider. `random` is Math.random's contract, [0, 1).
 */
export function jitteredDelayMs(failures: number, random: () => number = Math.random, delays: BackoffDelays = FLEET_RETRY): number {
  return Math.floor(random() * backoffDelayMs(delays, failures));
}
