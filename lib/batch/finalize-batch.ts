import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { BatchDb } from './batch-db';
import type { BatchRow } from './batch-queries';
import { newId } from './new-id';
import { resultsFiles } from './results-file';
import { batchFiles, batchLines, batches } from './schema';

const expiredResult = { response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } };

/**
 * Closes a batch whose lines are all done: writes the output and error files and moves it to completed, cancelled or
 * expired. The status change is conditional, so of several instances exactly one closes it.
 */
export async function finalizeBatch(db: BatchDb, batchId: string, now: Date, mirrored?: 'completed' | 'expired' | 'cancelled'): Promise<BatchRow | undefined> {
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(batches).where(eq(batches.id, batchId)).for('update');
    if (!batch || !['in_progress', 'cancelling', 'finalizing'].includes(batch.status)) return undefined;
    // The provider engine passes the status Groq reported; the local engine decides from the window.
    const expired = mirrored ? mirrored === 'expired' : batch.status !== 'cancelling' && now >= batch.expiresAt;
    if (expired) {
      // Lines never run are reported in the error file; only completed lines were charged.
      const failed = await tx.update(batchLines).set({ status: 'failed', result: expiredResult, finishedAt: now })
        .where(and(eq(batchLines.batchId, batchId), eq(batchLines.status, 'pending'))).returning({ id: batchLines.id });
      await tx.update(batches).set({ failed: sql`${batches.failed} + ${failed.length}` }).where(eq(batches.id, batchId));
    }
    const [open] = await tx.select({ count: sql<number>`count(*)::int` }).from(batchLines)
      .where(and(eq(batchLines.batchId, batchId), inArray(batchLines.status, ['pending', 'running'])));
    if (Number(open?.count ?? 0) > 0) return undefined;
    const lines = await tx.select({ id: batchLines.id, customId: batchLines.customId, status: batchLines.status, result: batchLines.result }).from(batchLines)
      .where(and(eq(batchLines.batchId, batchId), notInArray(batchLines.status, ['cancelled']))).orderBy(batchLines.lineNumber);
    const { output, errors } = resultsFiles(lines);
    const store = async (kind: string, rows: string[]) => {
      if (rows.length === 0) return null;
      const id = newId('file');
      const content = rows.join('\n') + '\n';
      await tx.insert(batchFiles).values({ id, owner: batch.owner, filename: `${batchId}_${kind}.jsonl`, purpose: 'batch_output', bytes: Buffer.byteLength(content), lineCount: rows.length, content, createdAt: now });
      return id;
    };
    const outputFileId = await store('output', output);
    const errorFileId = await store('error', errors);
    const status = mirrored ?? (batch.status === 'cancelling' ? 'cancelled' : expired ? 'expired' : 'completed');
    const stamp = status === 'cancelled' ? { cancelledAt: now } : status === 'expired' ? { expiredAt: now } : { completedAt: now };
    const [row] = await tx.update(batches).set({ status, outputFileId, errorFileId, finalizingAt: batch.finalizingAt ?? now, ...stamp }).where(eq(batches.id, batchId)).returning();
    return row;
  });
}
