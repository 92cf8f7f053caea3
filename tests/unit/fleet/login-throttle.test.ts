import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../fleet/server/api/login-throttle';

const LIMITS = { attemptsPerAddress: 3, failuresBeforeLock: 2, windowMs: 1000, lockMs: 5000, maxTracked: 2 };

describe('login throttle', () => {
  it('admits an address again once its window has passed', () => {
    const throttle = new LoginThrottle(LIMITS);
    for (let i = 0; i < 3; i++) expect(throttle.admit('a', `u${i}`, 0).ok).toBe(true);
    expect(throttle.admit('a', 'u9', 10)).toEqual({ ok: false, reason: 'too many attempts from this address', retryAfterSeconds: 1 });
    expect(throttle.admit('a', 'u9', 1000).ok).toBe(true);
  });

  it('locks a username after failures in a row; a success in between clears the count', () => {
    const throttle = new LoginThrottle(LIMITS);
    throttle.failed('ada', 0);
    throttle.succeeded('ada');
    throttle.failed('ada', 0);
    expect(throttle.admit('x', 'ada', 0).ok).toBe(true);
    throttle.failed('ada', 0);
    expect(throttle.admit('y', 'ada', 4999)).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(throttle.admit('z', 'ada', 5000).ok).toBe(true);
  });

  it('forgets the oldest keys beyond maxTracked, so a flood of usernames cannot grow memory', () => {
    const throttle = new LoginThrottle(LIMITS);
    throttle.failed('first', 0);
    throttle.failed('first', 0);
    expect(throttle.admit('a', 'first', 0).ok).toBe(false);
    throttle.failed('second', 0);
    throttle.failed('third', 0);
    expect(throttle.admit('b', 'first', 0).ok).toBe(true);
  });
});
