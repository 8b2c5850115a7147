import type { Db } from '../db/database.ts';
import { usageLedger } from '../db/schema.ts';
import { sharedDatabase } from '../db/shared-database.ts';
import type { UsageRow } from './usage-row.ts';

/**
 * Appends one row to the cost ledger. A ledger that cannot be written never fails the request it
 * describes: the error is logged and the promise still resolves.
 */
export async function recordUsage(row: UsageRow, db?: Db): Promise<void> {
  try {
    const handle = db ?? (await sharedDatabase()).db;
    await handle.insert(usageLedger).values(row);
  } catch (error) {
    console.error('[flint] could not record usage', error);
  }
}
