import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { BatchDb } from './batch-db';
import { batchQueries, type BatchRow } from './batch-queries';
import { createEventHub, type EngineEvent } from './engine-events';
import { fileQueries } from './file-queries';
import { finalizeBatch } from './finalize-batch';
import { groqBatchClient, type GroqBatch, type GroqBatchConfig } from './groq-batch-client';
import { catalogPrice, type PriceLine } from './price-line';
import { applyProviderResults, type ProviderLineResult } from './provider-results';
import { batchLines, batches, type LineResult } from './schema';

/** How the provider engine reaches Groq's Batch API and how often it polls. */
export type ProviderEngineOptions = {
  db: BatchDb;
  groq: GroqBatchConfig;
  pollMs?: number;
  /** Prices a completed line; defaults to the catalog's price at Groq's batch discount (50 %). */
  price?: PriceLine;
  onLineFinished?: (batch: BatchRow, line: ProviderLineResult) => Promise<void> | void;
  now?: () => number;
};

/** A running provider engine; same control surface as the local one. */
export type ProviderEngine = {
  start(): void;
  stop(): Promise<void>;
  wake(): void;
  on(listener: (event: EngineEvent) => void): () => void;
  finished(batchId: string): Promise<BatchRow>;
};

const finalStatuses: string[] = ['completed', 'failed', 'expired', 'cancelled'];

function parseResults(text: string, price: PriceLine): ProviderLineResult[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const entry = JSON.parse(line) as { custom_id: string; response: { status_code: number; request_id: string; body: Record<string, unknown> } | null; error: { code: string; message: string } | null };
    const ok = entry.error === null && entry.response !== null && entry.response.status_code === 200;
    const result: LineResult = ok && entry.response
      ? { response: entry.response, error: null }
      : { response: entry.response, error: entry.error ?? { code: 'request_failed', message: `status ${entry.response?.status_code ?? 'unknown'}` } };
    const body = entry.response?.body ?? {};
    return { customId: entry.custom_id, ok, result, costUsd: ok ? price(body, String(body.model ?? '')) : 0 };
  });
}

/** Creates a provider engine: uploads each batch to Groq's Batch API, polls it, mirrors status and counts, stores results. */
export function createProviderEngine(options: ProviderEngineOptions): ProviderEngine {
  const worker = `provider-${randomUUID()}`;
  const client = groqBatchClient(options.groq);
  const price = options.price ?? catalogPrice(0.5);
  const now = () => new Date((options.now ?? Date.now)());
  const queries = batchQueries(options.db);
  const hub = createEventHub();
  const stopping = new AbortController();
  let loop: Promise<void> | undefined;
  let wakeWaiter: () => void = () => {};

  /** Mirrors Groq's status, except over a cancel the user asked for meanwhile (the next pass sends it to Groq). */
  async function keepCancelling(id: string, status: BatchRow['status']): Promise<void> {
    await options.db.update(batches).set({ status }).where(and(eq(batches.id, id), ne(batches.status, 'cancelling')));
  }

  async function submit(batch: BatchRow): Promise<void> {
    // Only one instance submits a batch: the one that swaps the empty upstream id for its claim.
    const claimed = await options.db.update(batches).set({ providerBatchId: `submitting:${worker}` })
      .where(and(eq(batches.id, batch.id), isNull(batches.providerBatchId))).returning({ id: batches.id });
    if (claimed.length === 0) return;
    if (batch.status === 'cancelling') {
      await options.db.update(batchLines).set({ status: 'cancelled', finishedAt: now() }).where(and(eq(batchLines.batchId, batch.id), inArray(batchLines.status, ['pending'])));
      const row = await finalizeBatch(options.db, batch.id, now(), 'cancelled');
      if (row) hub.emit({ type: 'batch-finished', batch: row });
      return;
    }
    const lines = await options.db.select({ customId: batchLines.customId, body: batchLines.body }).from(batchLines).where(eq(batchLines.batchId, batch.id)).orderBy(batchLines.lineNumber);
    const jsonl = lines.map((line) => JSON.stringify({ custom_id: line.customId, method: 'POST', url: '/v1/chat/completions', body: line.body })).join('\n') + '\n';
    try {
      const fileId = await client.uploadFile(`${batch.id}.jsonl`, jsonl);
      const remote = await client.createBatch(fileId, batch.completionWindow);
      await options.db.update(batches).set({ providerBatchId: remote.id }).where(eq(batches.id, batch.id));
      await keepCancelling(batch.id, remote.status);
    } catch (error) {
      // Give the claim back so the next poll tries again.
      await queries.update(batch.id, { providerBatchId: null });
      throw error;
    }
  }

  async function mirror(batch: BatchRow, remote: GroqBatch): Promise<void> {
    if (remote.status === 'failed') {
      const errors = (remote.errors?.data ?? []).map((error) => ({ code: error.code ?? 'failed', message: error.message ?? 'The provider refused the batch.', line: error.line ?? null, param: error.param ?? null }));
      const row = await queries.update(batch.id, { status: 'failed', failedAt: now(), errors });
      if (row) hub.emit({ type: 'batch-finished', batch: row });
      return;
    }
    if (remote.status === 'completed' || remote.status === 'expired' || remote.status === 'cancelled') {
      const texts = await Promise.all([remote.output_file_id, remote.error_file_id].map((id) => (id ? client.fileContent(id) : Promise.resolve(''))));
      const results = texts.flatMap((text) => parseResults(text, price));
      await applyProviderResults(options.db, batch.id, results, now());
      for (const line of results) await options.onLineFinished?.(batch, line);
      const row = await finalizeBatch(options.db, batch.id, now(), remote.status);
      if (row) hub.emit({ type: 'batch-finished', batch: row });
      return;
    }
    const counts = remote.request_counts;
    if (counts) await queries.update(batch.id, { completed: counts.completed, failed: counts.failed });
    if (remote.status === 'finalizing' && !batch.finalizingAt) await queries.update(batch.id, { finalizingAt: now() });
    await keepCancelling(batch.id, remote.status);
    const row = await queries.get(batch.id);
    if (row) hub.emit({ type: 'batch-updated', batch: row });
  }

  async function pass(): Promise<void> {
    for (const batch of await queries.active('provider')) {
      if (stopping.signal.aborted) return;
      try {
        if (!batch.providerBatchId) await submit(batch);
        else if (!batch.providerBatchId.startsWith('submitting:')) {
          let remote = await client.getBatch(batch.providerBatchId);
          if (batch.status === 'cancelling' && !['cancelling', ...finalStatuses].includes(remote.status)) remote = await client.cancelBatch(batch.providerBatchId);
          await mirror(batch, remote);
        }
      } catch (error) {
        console.error('batch: provider engine could not advance', batch.id, error instanceof Error ? error.message : error);
      }
    }
  }

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      await pass();
      if (stopping.signal.aborted) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? 5_000);
        wakeWaiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  return {
    start() {
      loop ??= run();
    },
    async stop() {
      stopping.abort();
      wakeWaiter();
      await loop;
    },
    wake: () => wakeWaiter(),
    on: (listener) => hub.on(listener),
    async finished(batchId) {
      const done = hub.next((event): event is Extract<EngineEvent, { type: 'batch-finished' }> => event.type === 'batch-finished' && event.batch.id === batchId);
      const row = await queries.get(batchId);
      if (row && finalStatuses.includes(row.status)) return row;
      return (await done).batch;
    },
  };
}
