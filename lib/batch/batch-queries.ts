import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { BatchDb } from './batch-db';
import { newId } from './new-id';
import type { BatchInputLine } from './parse-batch-jsonl';
import { batchLines, batches, type BatchEngine } from './schema';

/** A stored batch row. */
export type BatchRow = typeof batches.$inferSelect;

/** What creating a batch needs: the validated lines of its input file and how it runs. */
export type NewBatch = {
  owner: string;
  engine: BatchEngine;
  inputFileId: string;
  completionWindow: string;
  windowHours: number;
  metadata: Record<string, string> | null;
  lines: BatchInputLine[];
  estimatedCostUsd: number;
  now: Date;
};

// Postgres takes at most 65,535 parameters per statement; 7 columns a line.
const insertChunk = 5_000;

/** Creates, reads, lists, cancels and updates batches. */
export function batchQueries(db: BatchDb) {
  return {
    /** Stores the batch with all its lines as pending, in one transaction, and starts it (in_progress). */
    async create(input: NewBatch): Promise<BatchRow> {
      return db.transaction(async (tx) => {
        const id = newId('batch');
        const [row] = await tx.insert(batches).values({
          id,
          owner: input.owner,
          engine: input.engine,
          status: 'in_progress',
          endpoint: '/v1/chat/completions',
          inputFileId: input.inputFileId,
          completionWindow: input.completionWindow,
          metadata: input.metadata,
          total: input.lines.length,
          estimatedCostUsd: input.estimatedCostUsd,
          createdAt: input.now,
          inProgressAt: input.now,
          expiresAt: new Date(input.now.getTime() + input.windowHours * 3_600_000),
        }).returning();
        for (let start = 0; start < input.lines.length; start += insertChunk) {
          await tx.insert(batchLines).values(input.lines.slice(start, start + insertChunk).map((line) => ({
            id: newId('batch_req'), batchId: id, lineNumber: line.lineNumber, customId: line.customId, body: line.body, notBefore: input.now,
          })));
        }
        if (!row) throw new Error('insert returned no row');
        return row;
      });
    },
    /** The batch, if it exists (and belongs to the owner when one is given). */
    async get(id: string, owner?: string): Promise<BatchRow | undefined> {
      const [row] = await db.select().from(batches).where(owner === undefined ? eq(batches.id, id) : and(eq(batches.id, id), eq(batches.owner, owner)));
      return row;
    },
    /** The owner's batches, newest first, `limit` after the cursor batch id. */
    async list(owner: string, page: { limit: number; after?: string }): Promise<{ rows: BatchRow[]; hasMore: boolean }> {
      const cursor = page.after ? await this.get(page.after, owner) : undefined;
      const rows = await db.select().from(batches).where(and(
        eq(batches.owner, owner),
        cursor ? or(lt(batches.createdAt, cursor.createdAt), and(eq(batches.createdAt, cursor.createdAt), lt(batches.id, cursor.id))) : undefined,
      )).orderBy(desc(batches.createdAt), desc(batches.id)).limit(page.limit + 1);
      return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
    },
    /** Batches an engine still has work on: running or being cancelled. */
    async active(engine: BatchEngine): Promise<BatchRow[]> {
      return db.select().from(batches).where(and(eq(batches.engine, engine), inArray(batches.status, ['validating', 'in_progress', 'cancelling', 'finalizing']))).orderBy(batches.createdAt);
    },
    /** Marks the batch cancelling and its pending lines cancelled, so no new line starts; running lines finish. */
    async requestCancel(id: string, owner: string, now: Date): Promise<BatchRow | undefined> {
      return db.transaction(async (tx) => {
        const [row] = await tx.update(batches).set({ status: 'cancelling', cancellingAt: now })
          .where(and(eq(batches.id, id), eq(batches.owner, owner), inArray(batches.status, ['validating', 'in_progress']))).returning();
        if (row?.engine === 'local') {
          await tx.update(batchLines).set({ status: 'cancelled', finishedAt: now }).where(and(eq(batchLines.batchId, id), eq(batchLines.status, 'pending')));
        }
        return row ?? (await tx.select().from(batches).where(and(eq(batches.id, id), eq(batches.owner, owner))))[0];
      });
    },
    /** Writes mirrored or computed fields (provider engine status, counts, file ids). */
    async update(id: string, fields: Partial<Omit<BatchRow, 'id' | 'owner'>>): Promise<BatchRow | undefined> {
      const [row] = await db.update(batches).set(fields).where(eq(batches.id, id)).returning();
      return row;
    },
    /** Adds to the batch's running cost (used by the provider engine once results arrive). */
    async addCost(id: string, costUsd: number): Promise<void> {
      await db.update(batches).set({ costUsd: sql`${batches.costUsd} + ${costUsd}` }).where(eq(batches.id, id));
    },
  };
}
