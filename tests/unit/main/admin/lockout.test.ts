import { describe, expect, it } from 'vitest';
import { afterAttempt, lockoutAt, minutesLeft, UNLOCKED } from '../../../../main/admin/lockout';

const settings = { maxAttempts: 3, lockoutMinutes: 15 };
const MINUTE = 60_000;

describe('the PIN lock rule', () => {
  it('locks on the last allowed wrong PIN, for lockoutMinutes', () => {
    let state = UNLOCKED;
    for (let i = 0; i < 3; i++) state = afterAttempt(state, false, 0, settings);
    expect(state).toEqual({ failures: 0, lockedUntil: 15 * MINUTE });
  });

  it('counts afresh after a right PIN', () => {
    const twoWrong = afterAttempt(afterAttempt(UNLOCKED, false, 0, settings), false, 0, settings);
    expect(afterAttempt(twoWrong, true, 0, settings)).toEqual(UNLOCKED);
  });

  it('rounds minutes left up, and forgets an expired lock', () => {
    const locked = { failures: 0, lockedUntil: 15 * MINUTE };
    expect(minutesLeft(locked, 14 * MINUTE + 50_000)).toBe(1);
    expect(lockoutAt(locked, 15 * MINUTE, settings)).toEqual(UNLOCKED);
  });

  it('cuts a lock that ends further than one lockout away (the clock went back) to one lockout', () => {
    expect(lockoutAt({ failures: 0, lockedUntil: 100 * MINUTE }, 0, settings)).toEqual({ failures: 0, lockedUntil: 15 * MINUTE });
  });
});
