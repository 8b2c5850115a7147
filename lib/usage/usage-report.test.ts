import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { createKey, findKey } from '@/lib/gateway/key-store';
import { recordUsage } from './record-usage';
import { usageReport } from './usage-report';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
}, 60_000);
afterAll(() => database?.close());

describe('usageReport', () => {
  it('sums spend per day by model and by key, the fallback rate and TTFT percentiles', async () => {
    const { key } = await createKey(database.db, { name: 'team-a', period: 'month', allowServerFallback: false, budgetUsd: 10 });
    const row = (await findKey(database.db, key))!;
    const base = { surface: 'v1' as const, provider: 'groq', status: 'ok', durationMs: 100 };
    await recordUsage({ ...base, keyId: row.id, keyPrefix: row.prefix, model: 'openai/gpt-oss-20b', costUsd: 0.01, ttftMs: 100, fallbacks: 0 }, database.db);
    await recordUsage({ ...base, keyId: row.id, keyPrefix: row.prefix, model: 'openai/gpt-oss-120b', costUsd: 0.02, ttftMs: 300, fallbacks: 1 }, database.db);
    await recordUsage({ ...base, surface: 'chat', model: 'openai/gpt-oss-20b', costUsd: 0.03, ttftMs: 200, fallbacks: 0 }, database.db);

    const report = await usageReport(database.db);
    expect(report.requests).toBe(3);
    expect(report.costUsd).toBeCloseTo(0.06, 9);
    expect(report.fallbackRate).toBeCloseTo(1 / 3, 9);
    expect(report.ttftP50Ms).toBe(200);
    expect(report.ttftP95Ms).toBeCloseTo(290, 6);
    expect(report.byModel.map(({ name, costUsd }) => [name, costUsd]).sort()).toEqual([
      ['openai/gpt-oss-120b', 0.02],
      ['openai/gpt-oss-20b', 0.04],
    ]);
    expect(report.byKey.map(({ name, requests }) => [name, requests]).sort()).toEqual([
      ['anonymous', 1],
      ['team-a', 2],
    ]);
    expect(report.keys).toEqual([expect.objectContaining({ name: 'team-a', budgetUsd: 10 })]);
  });
});
