import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { gatewayKeys } from '@/lib/db/schema';
import { pendingWrites } from '@/lib/usage/pending-writes';
import { createBudgetBook } from './budget-book';
import { periodStart } from './budget-period';
import { createKey } from './key-store';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
}, 60_000);
afterAll(() => database?.close());

async function keyId(budgetUsd: number) {
  const { summary } = await createKey(database.db, { name: 'book', period: 'day', allowServerFallback: false, budgetUsd });
  const [row] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.prefix, summary.prefix));
  return row!.id;
}

describe('the in-memory budget book of a process-private database', () => {
  it('admits 20 concurrent holds only while spend plus holds is under the budget, the first ones while the key loads', async () => {
    const book = createBudgetBook(database.db);
    const id = await keyId(0.01);
    const start = periodStart('day', new Date());
    const admitted = await Promise.all(Array.from({ length: 20 }, () => book.reserve(id, 0.003, start)));
    expect(admitted.filter(Boolean)).toHaveLength(4);
    // Once loaded the answer is synchronous: nothing can run between the check and the hold.
    expect(book.reserve(id, 0.003, start)).toBe(false);
  });

  it('writes the settled spend behind, and a new period starts from zero', async () => {
    const book = createBudgetBook(database.db);
    const id = await keyId(0.01);
    const start = periodStart('day', new Date());
    for (let index = 0; index < 4; index += 1) expect(await book.reserve(id, 0.003, start)).toBe(true);
    for (let index = 0; index < 4; index += 1) book.settle(id, 0.003, 0.003);
    expect(book.reserve(id, 0.001, start)).toBe(false);
    await pendingWrites();
    const [row] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.id, id));
    expect(row!.spendUsd).toBeCloseTo(0.012, 9);
    expect(row!.lastUsedAt).not.toBeNull();
    // A fresh book (a restarted process) reads the written spend back.
    expect(await createBudgetBook(database.db).reserve(id, 0.001, start)).toBe(false);
    const tomorrow = new Date(start.getTime() + 86_400_000);
    expect(book.reserve(id, 0.003, tomorrow)).toBe(true);
    // The new period and its spend reach the row exactly (the write goes in as literals on this engine).
    book.settle(id, 0.003, 0.1 + 0.2);
    await pendingWrites();
    const [next] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.id, id));
    expect(next!.spendUsd).toBe(0.1 + 0.2);
    expect(next!.periodStart.getTime()).toBe(tomorrow.getTime());
  });

  it('refuses an unknown key', async () => {
    expect(await createBudgetBook(database.db).reserve('00000000-0000-0000-0000-000000000000', 0.001, new Date())).toBe(false);
  });
});
