import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { gatewayKeys } from '../db/schema.ts';

/**
 * Holds `amountUsd` of a key's budget for one call, in one conditional UPDATE (never check-then-record):
 * the call is admitted while spend plus what is already held is below the budget, so concurrent calls
 * can overshoot by at most one reservation. A new period zeroes spend and holds first. True when admitted.
 */
export async function reserveBudget(db: Db, keyId: string, amountUsd: number, currentPeriodStart: Date): Promise<boolean> {
  const rolled = sql`${gatewayKeys.periodStart} < ${currentPeriodStart.toISOString()}::timestamptz`;
  const spend = sql`CASE WHEN ${rolled} THEN 0 ELSE ${gatewayKeys.spendUsd} END`;
  const held = sql`CASE WHEN ${rolled} THEN 0 ELSE ${gatewayKeys.reservedUsd} END`;
  const rows = await db
    .update(gatewayKeys)
    .set({
      spendUsd: sql`${spend}`,
      reservedUsd: sql`${held} + ${amountUsd}`,
      periodStart: sql`GREATEST(${gatewayKeys.periodStart}, ${currentPeriodStart.toISOString()}::timestamptz)`,
      lastUsedAt: sql`now()`,
    })
    .where(
      and(
        eq(gatewayKeys.id, keyId),
        isNull(gatewayKeys.revokedAt),
        sql`(${gatewayKeys.budgetUsd} IS NULL OR ${spend} + ${held} < ${gatewayKeys.budgetUsd})`,
      ),
    )
    .returning({ id: gatewayKeys.id });
  return rows.length > 0;
}

/** Releases a call's reservation and adds what it really cost. */
export async function settleBudget(db: Db, keyId: string, reservedUsd: number, actualUsd: number): Promise<void> {
  await db
    .update(gatewayKeys)
    .set({
      reservedUsd: sql`GREATEST(0, ${gatewayKeys.reservedUsd} - ${reservedUsd})`,
      spendUsd: sql`${gatewayKeys.spendUsd} + ${actualUsd}`,
    })
    .where(eq(gatewayKeys.id, keyId));
}
