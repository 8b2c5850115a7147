import { openDatabase } from '../db/open-database';
import type { BatchDb } from './batch-db';

/** A real in-memory PGlite database migrated by lib/db's runner (the batch tables included), for tests. */
export async function createTestBatchDb(): Promise<{ db: BatchDb; close(): Promise<void> }> {
  const database = await openDatabase({ dataDir: 'memory://' });
  return { db: database.db, close: () => database.close() };
}
