import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { BatchDb } from './batch-db';
import { batchMigrations } from './batch-migrations';

// Any fixed number: serialises instances that start at the same moment on one Postgres.
const lockKey = 731_913;

/** Creates or updates the batch tables, once per migration, safe to call from several instances at start. */
export async function applyBatchMigrations(db: BatchDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
    await tx.execute(sql`create table if not exists batch_schema_migrations (tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
    for (const migration of batchMigrations) {
      const done = await tx.execute(sql`select 1 from batch_schema_migrations where tag = ${migration.tag}`);
      if (rowCount(done) > 0) continue;
      // drizzle-kit's separator between statements.
      for (const statement of migration.sql.split('--> statement-breakpoint')) if (statement.trim() !== '') await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into batch_schema_migrations (tag, hash) values (${migration.tag}, ${createHash('sha256').update(migration.sql).digest('hex')})`);
    }
  });
}

function rowCount(result: unknown): number {
  // PGlite and node-postgres both answer with `{ rows }`.
  const rows = (result as { rows?: unknown[] }).rows;
  return Array.isArray(rows) ? rows.length : 0;
}
