import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBatchMigrations } from './apply-batch-migrations';
import { batchMigrations } from './batch-migrations';
import { batchFiles } from './schema';

let client: PGlite;

// PGlite takes seconds to start on a busy machine: start it in a hook with room, not inside a test.
beforeAll(async () => {
  client = new PGlite();
  await client.waitReady;
}, 60_000);
afterAll(() => client.close());

describe('applyBatchMigrations', () => {
  it('embeds exactly the SQL of the migration files, in journal order', () => {
    const journal = JSON.parse(readFileSync(new URL('./migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: Array<{ tag: string }> };
    expect(batchMigrations.map((migration) => migration.tag)).toEqual(journal.entries.map((entry) => entry.tag));
    for (const migration of batchMigrations) expect(migration.sql).toBe(readFileSync(new URL(`./migrations/${migration.tag}.sql`, import.meta.url), 'utf8'));
  });

  it('creates tables matching the drizzle schema and is safe to run again', async () => {
    const db = drizzle({ client });
    await applyBatchMigrations(db);
    await applyBatchMigrations(db);
    await db.insert(batchFiles).values({ id: 'file_1', owner: 'demo', filename: 'a.jsonl', purpose: 'batch', bytes: 3, lineCount: 1, content: 'abc' });
    expect(await db.select().from(batchFiles)).toEqual([expect.objectContaining({ id: 'file_1', createdAt: expect.any(Date) })]);
    const applied = await db.execute(sql`select count(*)::int as n from batch_schema_migrations`);
    expect(applied.rows).toEqual([{ n: 1 }]);
  });
});
