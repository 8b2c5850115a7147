import { and, eq } from 'drizzle-orm';
import type { BatchDb } from './batch-db';
import { newId } from './new-id';
import { batchFiles } from './schema';

/** A stored file row. */
export type FileRow = typeof batchFiles.$inferSelect;

/** Stores and reads batch input, output and error files. */
export function fileQueries(db: BatchDb) {
  return {
    async create(input: { owner: string; filename: string; purpose: FileRow['purpose']; content: string; lineCount: number }): Promise<FileRow> {
      const [row] = await db.insert(batchFiles).values({ id: newId('file'), bytes: Buffer.byteLength(input.content), ...input }).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    /** The file if it exists and belongs to the owner. */
    async get(id: string, owner: string): Promise<FileRow | undefined> {
      const [row] = await db.select().from(batchFiles).where(and(eq(batchFiles.id, id), eq(batchFiles.owner, owner)));
      return row;
    },
  };
}
