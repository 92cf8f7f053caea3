import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../../../renderer/src/bridge/reconnectDelay';

describe('reconnectDelayMs', () => {
  it('retries quickly at first, then doubles', () => {
    expect([0, 1, 2, 3].map(reconnectDelayMs)).toEqual([250, 500, 1000, 2000]);
  });

  it('never waits more than five seconds, however long the host stays away', () => {
    expect(reconnectDelayMs(5)).toBe(5000);
    expect(reconnectDelayMs(10_000)).toBe(5000);
  });
});
