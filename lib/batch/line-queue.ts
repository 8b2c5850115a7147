import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { BatchDb } from './batch-db';
import { batchLines, batches, type LineResult, type LineStatus } from './schema';

/** A claimed line row. */
export type LineRow = typeof batchLines.$inferSelect;

/** How a finished line ended. */
export type LineOutcome = { ok: boolean; result: LineResult; costUsd: number };

/** The local engine's queue of lines in the database, shared safely by any number of instances. */
export function lineQueue(db: BatchDb) {
  return {
    /**
     * Claims up to `limit` runnable lines of a batch for `worker`: pending ones whose retry time has come, and running
     * ones whose claim is older than `leaseMs` (their instance died). SKIP LOCKED lets instances claim side by side.
     */
    async claim(batchId: string, worker: string, limit: number, now: Date, leaseMs: number): Promise<LineRow[]> {
      if (limit <= 0) return [];
      const staleBefore = new Date(now.getTime() - leaseMs);
      const runnable = db.select({ id: batchLines.id }).from(batchLines).where(and(
        eq(batchLines.batchId, batchId),
        or(and(eq(batchLines.status, 'pending'), lte(batchLines.notBefore, now)), and(eq(batchLines.status, 'running'), lt(batchLines.claimedAt, staleBefore))),
      )).orderBy(batchLines.lineNumber).limit(limit).for('update', { skipLocked: true });
      const claimed = await db.update(batchLines)
        .set({ status: 'running', claimedBy: worker, claimedAt: now, attempts: sql`${batchLines.attempts} + 1` })
        .where(inArray(batchLines.id, runnable))
        .returning();
      // RETURNING has no order; lines start in file order.
      return claimed.sort((left, right) => left.lineNumber - right.lineNumber);
    },
    /**
     * Records a line's result and counts it on its batch, only if `worker` still holds the claim: a line whose lease
     * passed to another instance is counted once, by whoever finishes it first.
     */
    async finish(line: Pick<LineRow, 'id' | 'batchId'>, worker: string, outcome: LineOutcome, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const updated = await tx.update(batchLines)
          .set({ status: outcome.ok ? 'completed' : 'failed', result: outcome.result, costUsd: outcome.costUsd, finishedAt: now })
          .where(and(eq(batchLines.id, line.id), eq(batchLines.claimedBy, worker), eq(batchLines.status, 'running')))
          .returning({ id: batchLines.id });
        if (updated.length === 0) return false;
        await tx.update(batches).set(outcome.ok
          ? { completed: sql`${batches.completed} + 1`, costUsd: sql`${batches.costUsd} + ${outcome.costUsd}` }
          : { failed: sql`${batches.failed} + 1`, costUsd: sql`${batches.costUsd} + ${outcome.costUsd}` })
          .where(eq(batches.id, line.batchId));
        return true;
      });
    },
    /** Gives a claimed line back to the queue to be tried again after `notBefore` (rate limited, or a passing failure). */
    async retryLater(lineId: string, worker: string, notBefore: Date): Promise<void> {
      await db.update(batchLines).set({ status: 'pending', claimedBy: null, claimedAt: null, notBefore })
        .where(and(eq(batchLines.id, lineId), eq(batchLines.claimedBy, worker), eq(batchLines.status, 'running')));
    },
    /** Drops a claimed line that must not start because its batch is being cancelled. */
    async cancel(lineId: string, worker: string, now: Date): Promise<void> {
      await db.update(batchLines).set({ status: 'cancelled', finishedAt: now })
        .where(and(eq(batchLines.id, lineId), eq(batchLines.claimedBy, worker), eq(batchLines.status, 'running')));
    },
    /** How many lines of the batch are in each status. */
    async counts(batchId: string): Promise<Record<LineStatus, number>> {
      const rows = await db.select({ status: batchLines.status, count: sql<number>`count(*)::int` }).from(batchLines).where(eq(batchLines.batchId, batchId)).groupBy(batchLines.status);
      const counts: Record<LineStatus, number> = { pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
      for (const row of rows) counts[row.status] = Number(row.count);
      return counts;
    },
    /** Earliest time a pending line may run, so an idle engine knows how long to wait. */
    async nextRunnableAt(batchId: string): Promise<Date | undefined> {
      const [row] = await db.select({ at: sql<Date | string | null>`min(${batchLines.notBefore})` }).from(batchLines).where(and(eq(batchLines.batchId, batchId), eq(batchLines.status, 'pending')));
      return row?.at ? new Date(row.at) : undefined;
    },
  };
}
