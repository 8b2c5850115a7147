import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import type { BatchDb } from './batch-db';
import { createBatchService } from './batch-service';
import { fileQueries } from './file-queries';
import { catalogPrice } from './price-line';
import { createProviderEngine, type ProviderEngine } from './provider-engine';
import { batchJsonl } from './test-support/batch-fixtures';
import { createTestBatchDb } from './test-db';

let emulator: RunningEmulator;
let database: Awaited<ReturnType<typeof createTestBatchDb>>;
let db: BatchDb;
let engine: ProviderEngine;

const batches = () => createBatchService({ db, wake: () => engine.wake(), providerConfigured: true, isGroqModel: (model) => model.startsWith('openai/gpt-oss'), price: catalogPrice() });

async function control(path: string, body: unknown) {
  await fetch(`${emulator.url}/_emulator/batches${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function start(jsonl: string, metadata?: Record<string, string>) {
  const file = await batches().uploadFile('k1', { filename: 'in.jsonl', purpose: 'batch', content: jsonl });
  return batches().createBatch('k1', { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata });
}

async function lines(fileId: string | null) {
  const row = fileId ? await fileQueries(db).get(fileId, 'k1') : undefined;
  return (row?.content ?? '').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  database = await createTestBatchDb();
  db = database.db;
  // Each poll (GET /batches/{id}) moves the emulated batch one step, so the engine's own polling drives it.
  engine = createProviderEngine({ db, groq: { baseURL: emulator.groqBaseURL, apiKey: 'gsk_test' }, pollMs: 10 });
  engine.start();
}, 60_000);
afterAll(async () => {
  await engine.stop();
  await emulator.close();
  await database.close();
});

describe('the provider engine over the emulated Groq Batch API', () => {
  it('uploads, polls and mirrors a 50-line batch to completed, one result per custom_id, at half the synchronous price', async () => {
    const statuses = new Set<string>();
    const off = engine.on((event) => event.type === 'batch-updated' && statuses.add(event.batch.status));
    const batch = await start(batchJsonl(50));
    expect(batch.flint.engine).toBe('provider');
    const done = await engine.finished(batch.id);
    off();
    expect(done).toMatchObject({ status: 'completed', total: 50, completed: 50, failed: 0, providerBatchId: expect.stringMatching(/^batch_/) });
    expect([...statuses]).toEqual(expect.arrayContaining(['in_progress', 'finalizing']));
    const output = await lines(done.outputFileId);
    expect(output.map((line) => line.custom_id).sort()).toEqual(Array.from({ length: 50 }, (_, index) => `req-${index + 1}`).sort());
    const fullPrice = output.reduce((sum, line) => sum + catalogPrice(1)(line.response.body, 'openai/gpt-oss-20b'), 0);
    expect(fullPrice).toBeGreaterThan(0);
    expect(done.costUsd).toBeCloseTo(fullPrice / 2, 10);
    // The lines were answered by Groq's batch, not as synchronous calls.
    expect(emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'))).toEqual([]);
  });

  it('puts lines Groq failed into the error file with their error', async () => {
    const jsonl = batchJsonl(2) + JSON.stringify({ custom_id: 'bad', method: 'POST', url: '/v1/chat/completions', body: { model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'x' }], logprobs: true } }) + '\n';
    const done = await engine.finished((await start(jsonl)).id);
    expect(done).toMatchObject({ status: 'completed', completed: 2, failed: 1 });
    expect(await lines(done.errorFileId)).toEqual([expect.objectContaining({ custom_id: 'bad', error: expect.objectContaining({ message: expect.any(String) }) })]);
  });

  it('cancels at Groq and ends cancelled', async () => {
    await control('/config', { advanceOnRetrieve: false });
    try {
      const batch = await start(batchJsonl(3));
      await new Promise<void>((resolve) => {
        const off = engine.on((event) => {
          if (event.type === 'batch-updated' && event.batch.id === batch.id && event.batch.providerBatchId) {
            off();
            resolve();
          }
        });
      });
      expect((await batches().cancelBatch('k1', batch.id)).status).toBe('cancelling');
      await control('/config', { advanceOnRetrieve: true });
      const done = await engine.finished(batch.id);
      expect(done.status).toBe('cancelled');
    } finally {
      await control('/config', { advanceOnRetrieve: true });
    }
  });

  it('sends a batch with a tier or a non-Groq model to the local engine, and refuses the provider engine for it', async () => {
    const tiers = batchJsonl(1, { model: 'speed' });
    const file = await batches().uploadFile('k1', { filename: 'in.jsonl', purpose: 'batch', content: tiers });
    await expect(batches().createBatch('k1', { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { flint_engine: 'provider' } }))
      .rejects.toMatchObject({ status: 400, code: 'invalid_engine' });
    const local = await batches().createBatch('k1', { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(local.flint.engine).toBe('local');
  });
});
