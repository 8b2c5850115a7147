import type { Db } from '../db/database.ts';
import { usageLedger } from '../db/schema.ts';
import { sharedDatabase } from '../db/shared-database.ts';
import type { UsageRow } from './usage-row.ts';

interface Batch {
  rows: UsageRow[];
  done: Promise<void>;
}

const batches = new Map<Db | undefined, Batch>();

// Rows wait this long to share one INSERT: on the embedded database every write costs the process
// CPU that the next request's first token would otherwise get. A crash loses at most this window.
const batchWindowMs = 100;

/**
 * Appends one row to the cost ledger, written behind: the rows of a short window go in one INSERT. A ledger that cannot be written
 * never fails the request it describes: the error is logged and the promise still resolves.
 */
export function recordUsage(row: UsageRow, db?: Db): Promise<void> {
  const open = batches.get(db);
  if (open !== undefined) {
    open.rows.push(row);
    return open.done;
  }
  const rows = [row];
  const done = (async () => {
    await new Promise((resolve) => setTimeout(resolve, batchWindowMs));
    batches.delete(db);
    try {
      const handle = db ?? (await sharedDatabase()).db;
      await handle.insert(usageLedger).values(rows);
    } catch (error) {
      console.error('[flint] could not record usage', error);
    }
  })();
  batches.set(db, { rows, done });
  return done;
}
