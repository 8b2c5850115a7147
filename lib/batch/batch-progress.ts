import type { BatchRow } from './batch-queries';

/** Progress of a batch: counts, share done, and time left at the pace so far (null until a line finished). */
export type BatchProgress = { total: number; completed: number; failed: number; done: number; fraction: number; etaSeconds: number | null; costUsd: number; status: BatchRow['status'] };

const finalStatuses = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** Computes progress from a batch row at `now`. */
export function batchProgress(row: BatchRow, now: number): BatchProgress {
  const done = row.completed + row.failed;
  const fraction = row.total > 0 ? done / row.total : 0;
  let etaSeconds: number | null = null;
  if (finalStatuses.has(row.status)) etaSeconds = 0;
  else if (done > 0 && row.inProgressAt) {
    const elapsed = Math.max(1, now - row.inProgressAt.getTime());
    etaSeconds = Math.ceil(((row.total - done) * elapsed) / done / 1000);
  }
  return { total: row.total, completed: row.completed, failed: row.failed, done, fraction, etaSeconds, costUsd: row.costUsd, status: row.status };
}
