import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../../../common/snapshot';
import { isVisitRunning } from '../../../../renderer/src/activity/visit';

describe('isVisitRunning', () => {
  it('is true only on the screens where a person is using the kiosk', () => {
    expect(SCREENS.filter(isVisitRunning)).toEqual(['language', 'home', 'measure', 'site']);
  });

  it('is false while no snapshot is shown', () => {
    expect(isVisitRunning(null)).toBe(false);
  });
});
