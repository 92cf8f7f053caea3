/**
 * Slows password guessing two ways: attempts per client address (whatever the username) and failures
 * per username, which lock that username for a while even with the right password. Both count
 * usernames that have no account alike, so a lock-out does not tell which accounts exist.
 *
 * Kept in memory: a restart forgets the counts, and with several API instances each counts alone
 * (docs/fleet-protocol.md). Bounded: old windows are dropped, and at `maxTracked` keys the oldest go.
 */
export interface LoginThrottleLimits {
  /** Login attempts one address may make per window, successful or not. */
  attemptsPerAddress: number;
  /** Failed logins in a row before the username locks. */
  failuresBeforeLock: number;
  windowMs: number;
  lockMs: number;
  maxTracked: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  attemptsPerAddress: 30,
  failuresBeforeLock: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxTracked: 10_000,
};

interface Count {
  since: number;
  count: number;
  lockedUntil?: number;
}

export type ThrottleVerdict = { ok: true } | { ok: false; reason: string; retryAfterSeconds: number };

export class LoginThrottle {
  private readonly addresses = new Map<string, Count>();
  private readonly usernames = new Map<string, Count>();

  constructor(private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS) {}

  /** Called before the password is checked; counts the attempt against the address. */
  admit(address: string, username: string, now: number): ThrottleVerdict {
    const user = this.current(this.usernames, username, now);
    if (user?.lockedUntil !== undefined && user.lockedUntil > now) {
      return { ok: false, reason: 'too many failed logins for this account: it is locked for now', retryAfterSeconds: Math.ceil((user.lockedUntil - now) / 1000) };
    }
    return this.admitAddress(address, now);
  }

  /** Counts one attempt from `address`; also used alone for enrolment, which has no username. */
  admitAddress(address: string, now: number): ThrottleVerdict {
    const byAddress = this.bump(this.addresses, address, now);
    if (byAddress.count > this.limits.attemptsPerAddress) {
      return { ok: false, reason: 'too many attempts from this address', retryAfterSeconds: Math.ceil((byAddress.since + this.limits.windowMs - now) / 1000) };
    }
    return { ok: true };
  }

  failed(username: string, now: number): void {
    const user = this.bump(this.usernames, username, now);
    if (user.count >= this.limits.failuresBeforeLock) {
      user.lockedUntil = now + this.limits.lockMs;
      user.count = 0;
    }
  }

  succeeded(username: string): void {
    this.usernames.delete(username);
  }

  private current(map: Map<string, Count>, key: string, now: number): Count | undefined {
    const entry = map.get(key);
    const lockOver = entry?.lockedUntil === undefined || entry.lockedUntil <= now;
    if (entry && lockOver && now - entry.since >= this.limits.windowMs) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private bump(map: Map<string, Count>, key: string, now: number): Count {
    let entry = this.current(map, key, now);
    if (!entry) {
      if (map.size >= this.limits.maxTracked) map.delete(map.keys().next().value as string);
      entry = { since: now, count: 0 };
      map.set(key, entry);
    }
    entry.count += 1;
    return entry;
  }
}
