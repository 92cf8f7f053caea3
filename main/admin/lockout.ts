/**
 * The PIN lock, as a pure rule: `maxAttempts` wrong PINs in a row lock the PIN screen for
 * `lockoutMinutes`; a right PIN or the end of the lock starts the count again. The state after each
 * attempt is written to the audit journal, so the last entry is enough to restore it after a restart.
 */
export interface LockoutSettings {
  maxAttempts: number;
  lockoutMinutes: number;
}

export interface LockoutState {
  /** Wrong PINs since the last right one or the last lock. */
  failures: number;
  /** Epoch milliseconds, or null when not locked. */
  lockedUntil: number | null;
}

export const UNLOCKED: LockoutState = { failures: 0, lockedUntil: null };

/**
 * The state as it stands at `now`: an expired lock is gone, and a lock ending further away than a
 * whole lockout (the clock went back) is cut to one lockout from now.
 */
export function lockoutAt(state: LockoutState, now: number, settings: LockoutSettings): LockoutState {
  if (state.lockedUntil === null) return state;
  if (now >= state.lockedUntil) return UNLOCKED;
  const longest = now + settings.lockoutMinutes * 60_000;
  return state.lockedUntil > longest ? { ...state, lockedUntil: longest } : state;
}

/** Whole minutes left, rounded up (a lock with 10 s left says "1 minute"); null when not locked. */
export function minutesLeft(state: LockoutState, now: number): number | null {
  return state.lockedUntil === null || now >= state.lockedUntil ? null : Math.ceil((state.lockedUntil - now) / 60_000);
}

/** The state after a checked PIN (never called while locked: a locked attempt is refused unchecked). */
export function afterAttempt(state: LockoutState, right: boolean, now: number, settings: LockoutSettings): LockoutState {
  if (right) return UNLOCKED;
  const failures = state.failures + 1;
  return failures >= settings.maxAttempts ? { failures: 0, lockedUntil: now + settings.lockoutMinutes * 60_000 } : { failures, lockedUntil: null };
}
