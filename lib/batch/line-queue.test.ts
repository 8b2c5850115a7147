import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchDb } from './batch-db';
import { batchQueries } from './batch-queries';
import { fileQueries } from './file-queries';
import { finalizeBatch } from './finalize-batch';
import { lineQueue } from './line-queue';
import { createTestBatchDb } from './test-db';

let database: Awaited<ReturnType<typeof createTestBatchDb>>;
let db: BatchDb;
const t0 = new Date('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const ok = { ok: true, costUsd: 0.001, result: { response: { status_code: 200, request_id: 'req_1', body: { object: 'chat.completion' } }, error: null } } as const;

async function newBatch(lineCount: number, windowHours = 24) {
  const file = await fileQueries(db).create({ owner: 'k1', filename: 'in.jsonl', purpose: 'batch', content: '...', lineCount });
  const lines = Array.from({ length: lineCount }, (_, index) => ({ lineNumber: index + 1, customId: `c${index + 1}`, body: { model: 'm', messages: [] } }));
  return batchQueries(db).create({ owner: 'k1', engine: 'local', inputFileId: file.id, completionWindow: '24h', windowHours, metadata: null, lines, estimatedCostUsd: 0, now: t0 });
}

beforeAll(async () => {
  database = await createTestBatchDb();
  db = database.db;
}, 60_000);
afterAll(() => database.close());

describe('the line queue on a real PGlite database', () => {
  it('gives each line to one worker at a time and counts a finish once', async () => {
    const batch = await newBatch(5);
    const queue = lineQueue(db);
    const [first, second] = await Promise.all([queue.claim(batch.id, 'w1', 3, t0, 60_000), queue.claim(batch.id, 'w2', 3, t0, 60_000)]);
    const ids = [...first!, ...second!].map((line) => line.customId).sort();
    expect(ids).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    const line = first![0]!;
    expect(await queue.finish(line, 'w2', ok, t0)).toBe(false);
    expect(await queue.finish(line, 'w1', ok, t0)).toBe(true);
    expect(await queue.finish(line, 'w1', ok, t0)).toBe(false);
    expect(await batchQueries(db).get(batch.id)).toMatchObject({ completed: 1, failed: 0 });
  });

  it('hands a dead instance\'s lines to another once the lease passes, and the late finish of the dead one does not count', async () => {
    const batch = await newBatch(2);
    const queue = lineQueue(db);
    const [line] = await queue.claim(batch.id, 'dead', 1, t0, 60_000);
    expect((await queue.claim(batch.id, 'alive', 5, at(1_000), 60_000)).map((row) => row.customId)).toEqual(['c2']);
    const retaken = await queue.claim(batch.id, 'alive', 5, at(61_000), 60_000);
    expect(retaken).toEqual([expect.objectContaining({ customId: 'c1', attempts: 2, claimedBy: 'alive' })]);
    expect(await queue.finish(line!, 'dead', ok, at(62_000))).toBe(false);
  });

  it('waits for a retry time, then finalizes with output and error files', async () => {
    const batch = await newBatch(2);
    const queue = lineQueue(db);
    const [a, b] = await queue.claim(batch.id, 'w', 2, t0, 60_000);
    await queue.retryLater(b!.id, 'w', at(5_000));
    expect(await queue.claim(batch.id, 'w', 2, at(1_000), 60_000)).toEqual([]);
    const [again] = await queue.claim(batch.id, 'w', 2, at(5_000), 60_000);
    await queue.finish(a!, 'w', ok, at(5_000));
    expect(await finalizeBatch(db, batch.id, at(5_000))).toBeUndefined();
    await queue.finish(again!, 'w', { ok: false, costUsd: 0, result: { response: null, error: { code: 'model_not_found', message: 'no' } } }, at(6_000));
    const done = await finalizeBatch(db, batch.id, at(6_000));
    expect(done).toMatchObject({ status: 'completed', completed: 1, failed: 1, outputFileId: expect.stringMatching(/^file_/), errorFileId: expect.stringMatching(/^file_/) });
    expect(await finalizeBatch(db, batch.id, at(6_000))).toBeUndefined();
    const errors = await fileQueries(db).get(done!.errorFileId!, 'k1');
    expect(JSON.parse(errors!.content)).toMatchObject({ custom_id: 'c2', response: null, error: { code: 'model_not_found' } });
  });

  it('cancel stops pending lines at once; expiry fails the lines never run', async () => {
    const cancelled = await newBatch(3);
    const queue = lineQueue(db);
    const [running] = await queue.claim(cancelled.id, 'w', 1, t0, 60_000);
    expect(await batchQueries(db).requestCancel(cancelled.id, 'k1', t0)).toMatchObject({ status: 'cancelling' });
    expect(await queue.claim(cancelled.id, 'w', 5, t0, 60_000)).toEqual([]);
    await queue.finish(running!, 'w', ok, t0);
    expect(await finalizeBatch(db, cancelled.id, t0)).toMatchObject({ status: 'cancelled', completed: 1, cancelledAt: t0 });

    const expiring = await newBatch(2, 24);
    const [only] = await queue.claim(expiring.id, 'w', 1, t0, 60_000);
    await queue.finish(only!, 'w', ok, t0);
    expect(await finalizeBatch(db, expiring.id, at(25 * 3_600_000))).toMatchObject({ status: 'expired', completed: 1, failed: 1 });
  });

  it('lists an owner\'s batches newest first with an after cursor', async () => {
    const { rows, hasMore } = await batchQueries(db).list('k1', { limit: 2 });
    expect(rows).toHaveLength(2);
    expect(hasMore).toBe(true);
    const next = await batchQueries(db).list('k1', { limit: 100, after: rows[1]!.id });
    expect(next.rows.map((row) => row.id)).not.toContain(rows[0]!.id);
    expect(next.rows.length).toBeGreaterThan(0);
    expect((await batchQueries(db).list('someone-else', { limit: 10 })).rows).toEqual([]);
  });
});
