import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { BatchDb } from './batch-db';

/** Where the batch tables' SQL lives (drizzle-kit layout, so drizzle's own migrator can run it too). */
export const batchMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any fixed number: serialises instances that start at the same moment on one Postgres.
const lockKey = 731_913;

/** Creates or updates the batch tables, once per migration, safe to call from several instances at start. */
export async function applyBatchMigrations(db: BatchDb, migrationsFolder = batchMigrationsFolder): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
    await tx.execute(sql`create table if not exists batch_schema_migrations (hash text primary key, applied_at timestamptz not null default now())`);
    for (const migration of migrations) {
      const done = await tx.execute(sql`select 1 from batch_schema_migrations where hash = ${migration.hash}`);
      if (rowCount(done) > 0) continue;
      for (const statement of migration.sql) if (statement.trim() !== '') await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into batch_schema_migrations (hash) values (${migration.hash})`);
    }
  });
}

function rowCount(result: unknown): number {
  // PGlite and node-postgres both answer with `{ rows }`.
  const rows = (result as { rows?: unknown[] }).rows;
  return Array.isArray(rows) ? rows.length : 0;
}
