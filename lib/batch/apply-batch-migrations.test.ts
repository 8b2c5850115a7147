import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { describe, expect, it } from 'vitest';
import { applyBatchMigrations } from './apply-batch-migrations';
import { batchFiles } from './schema';

describe('applyBatchMigrations', () => {
  it('creates tables matching the drizzle schema and is safe to run again', async () => {
    const client = new PGlite();
    const db = drizzle({ client });
    await applyBatchMigrations(db);
    await applyBatchMigrations(db);
    await db.insert(batchFiles).values({ id: 'file_1', owner: 'demo', filename: 'a.jsonl', purpose: 'batch', bytes: 3, lineCount: 1, content: 'abc' });
    expect(await db.select().from(batchFiles)).toEqual([expect.objectContaining({ id: 'file_1', createdAt: expect.any(Date) })]);
    const applied = await db.execute(sql`select count(*)::int as n from batch_schema_migrations`);
    expect(applied.rows).toEqual([{ n: 1 }]);
    await client.close();
  });
});
