/** How often a key's budget starts again: each UTC day, each UTC month, or never. */
export type BudgetPeriod = 'day' | 'month' | 'total';

/** The start of the period that contains `at` (UTC); `total` periods all start at the epoch. */
export function periodStart(period: BudgetPeriod, at: Date): Date {
  if (period === 'day') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (period === 'month') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return new Date(0);
}

/** Seconds until the budget starts again; undefined for a `total` budget, which never does. */
export function secondsUntilReset(period: BudgetPeriod, at: Date): number | undefined {
  if (period === 'total') return undefined;
  const start = periodStart(period, at);
  const next =
    period === 'day'
      ? Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1)
      : Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  return Math.max(1, Math.ceil((next - at.getTime()) / 1000));
}
