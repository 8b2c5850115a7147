import { describe, expect, it } from 'vitest';
import type { BatchRow } from './batch-queries';
import { batchProgress } from './batch-progress';

const start = new Date('2026-12-01T10:00:00Z');
const row = (fields: Partial<BatchRow>) => ({ total: 100, completed: 0, failed: 0, costUsd: 0, status: 'in_progress', inProgressAt: start, ...fields }) as BatchRow;

describe('batchProgress', () => {
  it('estimates time left from the pace so far', () => {
    // 25 of 100 done in 10 s: 30 s to go.
    expect(batchProgress(row({ completed: 20, failed: 5 }), start.getTime() + 10_000)).toMatchObject({ done: 25, fraction: 0.25, etaSeconds: 30 });
  });

  it('knows no pace before the first line, and nothing left at the end', () => {
    expect(batchProgress(row({}), start.getTime() + 5_000).etaSeconds).toBeNull();
    expect(batchProgress(row({ status: 'cancelled', completed: 3 }), start.getTime()).etaSeconds).toBe(0);
  });
});
