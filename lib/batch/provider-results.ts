import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchDb } from './batch-db';
import { batchLines, batches, type LineResult } from './schema';

/** One result line from Groq's output or error file. */
export type ProviderLineResult = { customId: string; ok: boolean; result: LineResult; costUsd: number };

/** Writes the provider's per-line results onto the batch's lines and counts; lines it never reported become cancelled. */
export async function applyProviderResults(db: BatchDb, batchId: string, results: ProviderLineResult[], now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const line of results) {
      await tx.update(batchLines).set({ status: line.ok ? 'completed' : 'failed', result: line.result, costUsd: line.costUsd, finishedAt: now, attempts: 1 })
        .where(and(eq(batchLines.batchId, batchId), eq(batchLines.customId, line.customId)));
    }
    await tx.update(batchLines).set({ status: 'cancelled', finishedAt: now }).where(and(eq(batchLines.batchId, batchId), inArray(batchLines.status, ['pending', 'running'])));
    const completed = results.filter((line) => line.ok).length;
    const cost = results.reduce((sum, line) => sum + line.costUsd, 0);
    await tx.update(batches).set({ completed, failed: results.length - completed, costUsd: sql`${cost}` }).where(eq(batches.id, batchId));
  });
}
