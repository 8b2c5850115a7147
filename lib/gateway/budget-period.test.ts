import { describe, expect, it } from 'vitest';
import { periodStart, secondsUntilReset } from './budget-period';

describe('budget periods', () => {
  const at = new Date('2026-12-31T23:59:30Z');
  it('start at the UTC day, the UTC month, or the epoch for total', () => {
    expect(periodStart('day', at).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(periodStart('month', at).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(periodStart('total', at).getTime()).toBe(0);
  });
  it('reset after the seconds left in the period (across a year end), never for total', () => {
    expect(secondsUntilReset('day', at)).toBe(30);
    expect(secondsUntilReset('month', at)).toBe(30);
    expect(secondsUntilReset('month', new Date('2026-02-01T00:00:00Z'))).toBe(28 * 86_400);
    expect(secondsUntilReset('total', at)).toBeUndefined();
  });
});
