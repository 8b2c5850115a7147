import type { Db } from '../db/database.ts';
import { insertUsageRows } from '../db/insert-usage-rows.ts';
import { sharedDatabase } from '../db/shared-database.ts';
import type { UsageRow } from './usage-row.ts';

interface Batch {
  rows: UsageRow[];
  done: Promise<void>;
}

const batches = new Map<Db | undefined, Batch>();

// Rows wait this long to share one INSERT: on the embedded database a statement costs 1-2.5 ms of the process's CPU
// before its first row, ~35 µs a row after (bench/ledger-write.ts), CPU the next request's first token would otherwise
// get; at 200 rows/s 250 ms cuts the cost per row to under half of 100 ms's, longer windows barely lower it further.
// A crash loses at most this window.
const batchWindowMs = 250;
// A full batch is left to its timer and the next row opens another: one statement stays a few hundred KB.
const maxBatchRows = 1000;

/**
 * Appends one row to the cost ledger, written behind: the rows of a short window go in one INSERT. A ledger that cannot be written
 * never fails the request it describes: the error is logged and the promise still resolves.
 */
export function recordUsage(row: UsageRow, db?: Db): Promise<void> {
  const open = batches.get(db);
  if (open !== undefined && open.rows.length < maxBatchRows) {
    open.rows.push(row);
    return open.done;
  }
  const batch: Batch = { rows: [row], done: Promise.resolve() };
  batch.done = (async () => {
    await new Promise((resolve) => setTimeout(resolve, batchWindowMs));
    if (batches.get(db) === batch) batches.delete(db);
    try {
      await insertUsageRows(db ?? (await sharedDatabase()).db, batch.rows);
    } catch (error) {
      console.error('[flint] could not record usage', error);
    }
  })();
  batches.set(db, batch);
  return batch.done;
}
