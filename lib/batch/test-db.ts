import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { applyBatchMigrations } from './apply-batch-migrations';
import type { BatchDb } from './batch-db';

/** A real in-memory PGlite database with the batch tables, for tests. */
export async function createTestBatchDb(): Promise<{ db: BatchDb; close(): Promise<void> }> {
  const client = new PGlite();
  const db = drizzle({ client });
  await applyBatchMigrations(db);
  return { db, close: () => client.close() };
}
