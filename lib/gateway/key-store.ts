import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { gatewayKeys } from '../db/schema.ts';
import { periodStart, type BudgetPeriod } from './budget-period.ts';
import { summarizeKey, type GatewayKeyRow, type KeySummary, type NewKey } from './gateway-key.ts';
import { generateKeySecret, hashKey } from './key-secret.ts';
import { processState } from '../process-state.ts';

/** Stores a new key and answers its secret, the only time the secret exists outside the caller. */
export async function createKey(db: Db, key: NewKey, now = new Date()): Promise<{ key: string; summary: KeySummary }> {
  const secret = generateKeySecret();
  const [row] = await db
    .insert(gatewayKeys)
    .values({
      name: key.name,
      prefix: secret.prefix,
      hash: secret.hash,
      budgetUsd: key.budgetUsd ?? null,
      period: key.period,
      periodStart: periodStart(key.period, now),
      rpm: key.rpm ?? null,
      tpm: key.tpm ?? null,
      models: key.models ?? null,
      allowServerFallback: key.allowServerFallback,
    })
    .returning();
  if (row === undefined) throw new Error('the key was not stored');
  return { key: secret.key, summary: summarizeKey(row) };
}

/** Every key, oldest first. */
export async function listKeys(db: Db): Promise<KeySummary[]> {
  const rows = await db.select().from(gatewayKeys).orderBy(asc(gatewayKeys.createdAt));
  return rows.map(summarizeKey);
}

/** Revokes the key with this prefix; false when no live key has it. */
export async function revokeKey(db: Db, prefix: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(gatewayKeys)
    .set({ revokedAt: now })
    .where(and(eq(gatewayKeys.prefix, prefix), isNull(gatewayKeys.revokedAt)))
    .returning({ id: gatewayKeys.id });
  for (const [hash, row] of keyCache()) if (row.prefix === prefix) keyCache().delete(hash);
  return rows.length > 0;
}

// Live keys by hash, for a database only this process can change (PGlite): every revoke passes
// through revokeKey above, so the cache is never stale. Spend is never read from it.
const shared = processState<{ flintKeyCache?: Map<string, GatewayKeyRow> }>('gateway.keys', () => ({}));
const keyCache = () => (shared.flintKeyCache ??= new Map());

/**
 * The live key a secret belongs to. With `cache` (only for a process-private database) a known key
 * is served from memory; otherwise it is read every time, so a revoke holds at once on every instance.
 */
export async function findKey(db: Db, secret: string, { cache = false }: { cache?: boolean } = {}): Promise<GatewayKeyRow | undefined> {
  const hash = hashKey(secret);
  const cached = cache ? keyCache().get(hash) : undefined;
  if (cached !== undefined) return cached;
  const [row] = await db
    .select()
    .from(gatewayKeys)
    .where(and(eq(gatewayKeys.hash, hash), isNull(gatewayKeys.revokedAt)))
    .limit(1);
  if (cache && row !== undefined) keyCache().set(hash, row);
  return row;
}

/** The period a key's budget is in now. */
export function currentPeriodStart(row: GatewayKeyRow, now = new Date()): Date {
  return periodStart(row.period as BudgetPeriod, now);
}
