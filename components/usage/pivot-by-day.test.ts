import { describe, expect, it } from 'vitest';
import { pivotByDay } from './pivot-by-day';

describe('pivotByDay', () => {
  it('makes one row per day with a column per name, days in order', () => {
    const { data, names } = pivotByDay([
      { day: '2026-12-02', name: 'b', costUsd: 2 },
      { day: '2026-12-01', name: 'a', costUsd: 1 },
      { day: '2026-12-02', name: 'a', costUsd: 3 },
    ]);
    expect(names).toEqual(['a', 'b']);
    expect(data).toEqual([
      { day: '12-01', a: 1 },
      { day: '12-02', a: 3, b: 2 },
    ]);
  });
});
