// The same storage behaviour on both engines: embedded PGlite and a real Postgres server.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothEngines } from '@/test/both-engines';
import { createKey, findKey, listKeys, revokeKey } from '@/lib/gateway/key-store';
import { reserveBudget, settleBudget } from '@/lib/gateway/budget';
import { periodStart } from '@/lib/gateway/budget-period';
import { recordUsage } from '@/lib/usage/record-usage';
import type { Database } from './database';
import { migrate } from './migrate';
import { openDatabase } from './open-database';
import { gatewayKeys, usageLedger } from './schema';

const engines = bothEngines();

describe.each(engines)('storage on %s', (_name, open) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  }, 60_000);
  afterAll(() => database?.close());

  it('applies each migration once', async () => {
    expect(await migrate(database)).toEqual([]);
    const tables = await database.session((run) => run("SELECT name FROM flint_migrations"));
    expect(tables.map((row) => row.name)).toContain('0001_init.sql');
  });

  it('stores only the hash of a key, finds it by its secret and forgets it once revoked', async () => {
    const { key, summary } = await createKey(database.db, { name: 'storage', period: 'month', allowServerFallback: false, budgetUsd: 1 });
    expect(key).toMatch(/^flk_[A-Za-z0-9_-]{32}$/);
    const [row] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.prefix, summary.prefix));
    expect(JSON.stringify(row)).not.toContain(key.slice(4));
    expect((await findKey(database.db, key))?.name).toBe('storage');
    expect(await findKey(database.db, `${key}x`)).toBeUndefined();
    expect((await listKeys(database.db)).find((item) => item.prefix === summary.prefix)).toMatchObject({ budget_usd: 1, spend_usd: 0 });
    expect(await revokeKey(database.db, summary.prefix)).toBe(true);
    expect(await findKey(database.db, key)).toBeUndefined();
    expect(await revokeKey(database.db, summary.prefix)).toBe(false);
  });

  it('admits concurrent reservations only while spend plus holds is under the budget', async () => {
    const { summary } = await createKey(database.db, { name: 'budget', period: 'day', allowServerFallback: false, budgetUsd: 0.01 });
    const [row] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.prefix, summary.prefix));
    const start = periodStart('day', new Date());
    const admitted = await Promise.all(Array.from({ length: 20 }, () => reserveBudget(database.db, row!.id, 0.003, start)));
    // 0, 0.003, 0.006, 0.009 are under 0.01: four calls, overshooting by less than one reservation.
    expect(admitted.filter(Boolean)).toHaveLength(4);
    for (let index = 0; index < 4; index += 1) await settleBudget(database.db, row!.id, 0.003, 0.001);
    const [settled] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.id, row!.id));
    expect(settled!.reservedUsd).toBeCloseTo(0, 9);
    expect(settled!.spendUsd).toBeCloseTo(0.004, 9);
    // A new period starts from zero.
    const tomorrow = new Date(start.getTime() + 86_400_000);
    await database.db.update(gatewayKeys).set({ spendUsd: 0.02 }).where(eq(gatewayKeys.id, row!.id));
    expect(await reserveBudget(database.db, row!.id, 0.003, start)).toBe(false);
    expect(await reserveBudget(database.db, row!.id, 0.003, tomorrow)).toBe(true);
  });

  it('appends ledger rows', async () => {
    await recordUsage({ surface: 'v1', provider: 'groq', model: 'openai/gpt-oss-20b', inputTokens: 10, outputTokens: 5, costUsd: 0.00001, status: 'ok', durationMs: 12 }, database.db);
    const [count] = await database.db.select({ count: sql<number>`count(*)::int` }).from(usageLedger);
    expect(count!.count).toBeGreaterThanOrEqual(1);
  });
});

describe('the key cache of a process-private database', () => {
  it('serves a known key from memory and forgets it when revoked here', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const { key, summary } = await createKey(database.db, { name: 'cached', period: 'month', allowServerFallback: false });
      expect((await findKey(database.db, key, { cache: true }))?.name).toBe('cached');
      // Changed behind the cache's back: the cached row still answers (this is why only PGlite caches).
      await database.db.update(gatewayKeys).set({ name: 'renamed' }).where(eq(gatewayKeys.prefix, summary.prefix));
      expect((await findKey(database.db, key, { cache: true }))?.name).toBe('cached');
      expect(await revokeKey(database.db, summary.prefix)).toBe(true);
      expect(await findKey(database.db, key, { cache: true })).toBeUndefined();
    } finally {
      await database.close();
    }
  }, 60_000);
});
