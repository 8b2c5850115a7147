import { and, asc, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { gatewayKeys, usageLedger } from '../db/schema.ts';

/** What the /usage page shows for a window of days. */
export interface UsageReport {
  days: number;
  requests: number;
  costUsd: number;
  /** Share of requests on which at least one model failed before another served. */
  fallbackRate: number;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  /** Spend per UTC day and model, and per day and key (`anonymous` without a key). */
  byModel: Array<{ day: string; name: string; costUsd: number; requests: number }>;
  byKey: Array<{ day: string; name: string; costUsd: number; requests: number }>;
  keys: Array<{ name: string; prefix: string; spendUsd: number; budgetUsd: number | null; period: string; revoked: boolean }>;
}

const num = (value: unknown) => Number(value ?? 0);

/** Aggregates the ledger of the last `days` days in SQL (the same on PGlite and Postgres). */
export async function usageReport(db: Db, days = 30, now = new Date()): Promise<UsageReport> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const inWindow = gte(usageLedger.createdAt, since);
  const day = sql<string>`to_char(${usageLedger.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const [totals] = await db
    .select({
      requests: sql<number>`count(*)`,
      costUsd: sql<number>`coalesce(sum(${usageLedger.costUsd}), 0)`,
      fellBack: sql<number>`count(*) filter (where ${usageLedger.fallbacks} > 0)`,
    })
    .from(usageLedger)
    .where(inWindow);
  const [ttft] = await db
    .select({
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${usageLedger.ttftMs})`,
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${usageLedger.ttftMs})`,
    })
    .from(usageLedger)
    .where(and(inWindow, isNotNull(usageLedger.ttftMs)));
  const grouped = (name: ReturnType<typeof sql<string>>) =>
    db
      .select({ day, name, costUsd: sql<number>`sum(${usageLedger.costUsd})`, requests: sql<number>`count(*)` })
      .from(usageLedger)
      .where(inWindow)
      .groupBy(day, name)
      .orderBy(asc(day));
  const [byModel, byKey, keys] = await Promise.all([
    grouped(sql<string>`coalesce(${usageLedger.model}, 'none')`),
    grouped(sql<string>`coalesce((select ${gatewayKeys.name} from ${gatewayKeys} where ${gatewayKeys.id} = ${usageLedger.keyId}), 'anonymous')`),
    db.select().from(gatewayKeys).orderBy(asc(gatewayKeys.createdAt)),
  ]);
  const requests = num(totals?.requests);
  const rows = (list: Array<{ day: string; name: string; costUsd: unknown; requests: unknown }>) =>
    list.map((row) => ({ day: row.day, name: row.name, costUsd: num(row.costUsd), requests: num(row.requests) }));
  return {
    days,
    requests,
    costUsd: num(totals?.costUsd),
    fallbackRate: requests === 0 ? 0 : num(totals?.fellBack) / requests,
    ttftP50Ms: ttft?.p50 == null ? null : num(ttft.p50),
    ttftP95Ms: ttft?.p95 == null ? null : num(ttft.p95),
    byModel: rows(byModel),
    byKey: rows(byKey),
    keys: keys.map((key) => ({ name: key.name, prefix: key.prefix, spendUsd: key.spendUsd, budgetUsd: key.budgetUsd, period: key.period, revoked: key.revokedAt !== null })),
  };
}
