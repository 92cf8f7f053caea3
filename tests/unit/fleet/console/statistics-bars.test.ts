import { describe, expect, it } from 'vitest';
import { barsFrom } from '../../../../fleet/console/src/statistics-bars';

describe('statistics rows as bars', () => {
  it('reads the group under `key` or under the grouping\'s name, the figure under `count` or `visits`', () => {
    expect(barsFrom({ rows: [{ key: 'passport', count: 3 }, { key: null, count: 1 }] }, 'procedure', '(none)')).toEqual([
      { label: 'passport', count: 3 }, { label: '(none)', count: 1 },
    ]);
    expect(barsFrom({ statistics: [{ day: '2026-12-07', visits: 12 }] }, 'day', '(none)')).toEqual([{ label: '2026-12-07', count: 12 }]);
  });

  it('leaves out rows without a figure, and says null when the answer holds no rows at all', () => {
    expect(barsFrom({ rows: [{ key: 'x' }, 'junk', { key: 'y', count: 2 }] }, 'site', '-')).toEqual([{ label: 'y', count: 2 }]);
    expect(barsFrom({ total: 4 }, 'site', '-')).toBeNull();
  });
});
