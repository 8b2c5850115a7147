// The ledger's batched write on both engines: a window's rows land in one statement with exactly the values given.
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bothEngines } from '@/test/both-engines';
import { recordUsage } from '@/lib/usage/record-usage';
import type { UsageRow } from '@/lib/usage/usage-row';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, Db } from './database';
import { insertUsageRows } from './insert-usage-rows';
import { openDatabase } from './open-database';
import { schema, usageLedger } from './schema';

const engines = bothEngines();
const key = '3f0c6a4e-8b1d-4c2a-9e5f-0123456789ab';

describe('the ledger insert through a drizzle handle the database did not open', () => {
  it('writes the same rows through drizzle instead of the simple-query runner', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const other: Db = drizzle({ client: (database.db as unknown as { $client: PGlite }).$client, schema });
      await insertUsageRows(other, [{ surface: 'v1', status: "o'k $ledger$", costUsd: 0.5 }]);
      expect((await database.db.select().from(usageLedger)).map((row) => [row.status, row.costUsd, row.inputTokens])).toEqual([["o'k $ledger$", 0.5, 0]]);
    } finally {
      await database.close();
    }
  });
});

describe.each(engines)('the ledger batch on %s', (_name, open) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  }, 60_000);
  afterAll(() => database?.close());

  const rowsOf = (status: string) => database.db.select().from(usageLedger).where(eq(usageLedger.status, status)).orderBy(asc(usageLedger.id));

  it('writes every row of a window with its exact values, nulls, decimals and defaults', async () => {
    const given: UsageRow[] = [
      { keyId: key, keyPrefix: 'flk_abcdefgh', surface: 'v1', provider: 'groq', model: 'openai/gpt-oss-20b', inputTokens: 40, cachedTokens: 8, outputTokens: 600,
        costUsd: 0.1 + 0.2, ttftMs: 123, durationMs: 4567, status: 'exact', fallbacks: 2, cacheHit: true, estimated: true, byoKey: true },
      { keyId: null, keyPrefix: null, surface: 'chat', provider: null, model: null, costUsd: 1e-12, ttftMs: null, status: 'exact' },
      { surface: 'batch', model: "it's $ledger$ \"quoted\" \\ ünïcode 🚀", costUsd: 123456.789, durationMs: 0, status: 'exact' },
    ];
    await Promise.all(given.map((row) => recordUsage(row, database.db)));
    const stored = await rowsOf('exact');
    expect(stored.map(({ id: _id, createdAt: _createdAt, ...row }) => row)).toEqual([
      { ...given[0], costUsd: 0.30000000000000004 },
      { keyId: null, keyPrefix: null, surface: 'chat', provider: null, model: null, inputTokens: 0, cachedTokens: 0, outputTokens: 0, costUsd: 1e-12, ttftMs: null,
        durationMs: 0, status: 'exact', fallbacks: 0, cacheHit: false, estimated: false, byoKey: false },
      { keyId: null, keyPrefix: null, surface: 'batch', provider: null, model: "it's $ledger$ \"quoted\" \\ ünïcode 🚀", inputTokens: 0, cachedTokens: 0, outputTokens: 0,
        costUsd: 123456.789, ttftMs: null, durationMs: 0, status: 'exact', fallbacks: 0, cacheHit: false, estimated: false, byoKey: false },
    ]);
    // One statement: now() is its transaction's time, to the microsecond.
    const [times] = await database.db.select({ count: sql<number>`count(distinct ${usageLedger.createdAt})::int` }).from(usageLedger).where(eq(usageLedger.status, 'exact'));
    expect(times!.count).toBe(1);
  });

  it("writes every row of a burst past one statement's cap", async () => {
    const burst = Array.from({ length: 1500 }, (_, index) => recordUsage({ surface: 'v1', status: 'burst', outputTokens: index, costUsd: index / 1000 }, database.db));
    await Promise.all(burst);
    const stored = await rowsOf('burst');
    // Two statements, on Postgres possibly at once on two connections: ids interleave, the set of rows does not.
    expect(stored.map((row) => row.outputTokens).sort((a, b) => a - b)).toEqual(Array.from({ length: 1500 }, (_, index) => index));
    expect(stored.reduce((sum, row) => sum + row.costUsd, 0)).toBeCloseTo(1124.25, 6);
  });

  it('stores a non-finite number as its column default instead of failing the window', async () => {
    await Promise.all([recordUsage({ surface: 'v1', status: 'nan', costUsd: Number.NaN, ttftMs: Number.POSITIVE_INFINITY }, database.db)]);
    expect((await rowsOf('nan')).map((row) => [row.costUsd, row.ttftMs])).toEqual([[0, null]]);
  });

  it('logs a window it cannot write, resolves, and writes the next one', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(recordUsage({ keyId: 'not-a-uuid', surface: 'v1', status: 'refused' }, database.db)).resolves.toBeUndefined();
      expect(logged).toHaveBeenCalledWith('[flint] could not record usage', expect.anything());
    } finally {
      logged.mockRestore();
    }
    await recordUsage({ surface: 'v1', status: 'after' }, database.db);
    expect(await rowsOf('refused')).toEqual([]);
    expect(await rowsOf('after')).toHaveLength(1);
  });
});
