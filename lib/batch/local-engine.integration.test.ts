import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultModels } from '../../emulator/models.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import type { BatchDb } from './batch-db';
import { createBatchService } from './batch-service';
import { fileQueries } from './file-queries';
import { createLocalEngine, type LocalEngine } from './local-engine';
import { catalogPrice } from './price-line';
import { batchJsonl, countEvents } from './test-support/batch-fixtures';
import { openaiRunLine } from './test-support/openai-run-line';
import { rateGatedFetch } from './test-support/rate-gate';
import { createTestBatchDb } from './test-db';

let emulator: RunningEmulator;
let database: Awaited<ReturnType<typeof createTestBatchDb>>;
let db: BatchDb;
const engines: LocalEngine[] = [];

const chatCalls = (target: RunningEmulator) => target.requests.list().filter((entry) => entry.path.endsWith('/chat/completions')).length;

function service(wake: () => void = () => engines.forEach((engine) => engine.wake())) {
  return createBatchService({ db, wake, providerConfigured: false, isGroqModel: () => true, price: catalogPrice() });
}

function engine(options: { maxInFlight?: number; target?: RunningEmulator; fetch?: typeof fetch } = {}) {
  const client = new OpenAI({ baseURL: (options.target ?? emulator).groqBaseURL, apiKey: 'gsk_test', maxRetries: 0, fetch: options.fetch });
  const created = createLocalEngine({ db, runLine: openaiRunLine(client), maxInFlight: options.maxInFlight ?? 8, idlePollMs: 50 });
  engines.push(created);
  return created;
}

async function startBatch(jsonl: string) {
  const batches = service();
  const file = await batches.uploadFile('k1', { filename: 'in.jsonl', purpose: 'batch', content: jsonl });
  return batches.createBatch('k1', { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
}

async function outputOf(fileId: string | null) {
  const row = fileId ? await fileQueries(db).get(fileId, 'k1') : undefined;
  return (row?.content ?? '').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  database = await createTestBatchDb();
  db = database.db;
}, 60_000);
afterAll(async () => {
  await emulator.close();
  await database.close();
});
beforeEach(async () => {
  await Promise.all(engines.splice(0).map((running) => running.stop()));
  emulator.requests.clear();
  emulator.faults.clear();
});

describe('the local engine against the emulator, on a real PGlite database', () => {
  it('runs a 50-line batch to completed with one result per custom_id, priced', async () => {
    const local = engine();
    local.start();
    const batch = await startBatch(batchJsonl(50));
    const done = await local.finished(batch.id);
    expect(done).toMatchObject({ status: 'completed', total: 50, completed: 50, failed: 0 });
    expect(done.costUsd).toBeGreaterThan(0);
    const output = await outputOf(done.outputFileId);
    expect(output.map((line) => line.custom_id).sort()).toEqual(Array.from({ length: 50 }, (_, index) => `req-${index + 1}`).sort());
    expect(output.find((line) => line.custom_id === 'req-7').response.body.choices[0].message.content).toContain('Question number 7');
    expect(chatCalls(emulator)).toBe(50);
  });

  it('resumes after a stop mid-batch on a new instance without running any line twice', async () => {
    const first = engine({ maxInFlight: 3 });
    const tenDone = countEvents(first.on, (event) => event.type === 'line-finished', 10);
    first.start();
    const batch = await startBatch(batchJsonl(50));
    await tenDone;
    await first.stop();
    const callsBeforeRestart = chatCalls(emulator);
    expect(callsBeforeRestart).toBeLessThan(50);
    const second = engine({ maxInFlight: 3 });
    second.start();
    const done = await second.finished(batch.id);
    expect(done).toMatchObject({ status: 'completed', completed: 50 });
    expect(chatCalls(emulator)).toBe(50);
    expect(new Set((await outputOf(done.outputFileId)).map((line) => line.custom_id)).size).toBe(50);
  });

  it('shares one batch between two instances on one database without running any line twice', async () => {
    const [left, right] = [engine({ maxInFlight: 4 }), engine({ maxInFlight: 4 })];
    const finishedBy = { left: 0, right: 0 };
    left.on((event) => event.type === 'line-finished' && (finishedBy.left += 1));
    right.on((event) => event.type === 'line-finished' && (finishedBy.right += 1));
    left.start();
    right.start();
    const batch = await startBatch(batchJsonl(50));
    const [leftSaw, rightSaw] = await Promise.all([left.finished(batch.id), right.finished(batch.id)]);
    expect(leftSaw.status).toBe('completed');
    expect(rightSaw.status).toBe('completed');
    expect(finishedBy.left + finishedBy.right).toBe(50);
    expect(finishedBy.left).toBeGreaterThan(0);
    expect(finishedBy.right).toBeGreaterThan(0);
    expect(chatCalls(emulator)).toBe(50);
  });

  it('retries a 429 after retry-after, so no line ends with it', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 429, retryAfterSeconds: 1, times: 2 });
    const local = engine();
    local.start();
    const batch = await startBatch(batchJsonl(5));
    const done = await local.finished(batch.id);
    expect(done).toMatchObject({ status: 'completed', completed: 5, failed: 0 });
    expect(chatCalls(emulator)).toBe(7);
  });

  it('stops starting lines at once on cancel and ends cancelled with the lines already run', async () => {
    const local = engine({ maxInFlight: 2 });
    const threeDone = countEvents(local.on, (event) => event.type === 'line-finished', 3);
    local.start();
    const batch = await startBatch(batchJsonl(50));
    await threeDone;
    await service().cancelBatch('k1', batch.id);
    const callsAtCancel = chatCalls(emulator);
    const done = await local.finished(batch.id);
    expect(done.status).toBe('cancelled');
    // Only lines already claimed when cancel came may still have been sent.
    expect(chatCalls(emulator)).toBeLessThanOrEqual(callsAtCancel + 2);
    expect(done.completed).toBe(chatCalls(emulator));
    expect(done.completed).toBeLessThan(50);
  });

  it('finishes under a tight token-per-minute limit without a single 429, pacing by the headers', async () => {
    // 2,000 tokens a minute; 30 lines of ~70 prompt tokens and at most 3 output tokens need more than that.
    const tight = await startEmulator({ speed: 0, models: defaultModels.map((model) => (model.id === 'openai/gpt-oss-20b' ? { ...model, limits: { requests: 1000, tokens: 2000 } } : model)) });
    try {
      const gate = rateGatedFetch();
      const local = engine({ target: tight, fetch: gate.fetch, maxInFlight: 8 });
      local.start();
      const batch = await startBatch(batchJsonl(30, { maxTokens: 3, prompt: (index) => `Document ${index}: ${'lorem ipsum dolor sit amet '.repeat(10)}` }));
      const done = await local.finished(batch.id);
      expect(done).toMatchObject({ status: 'completed', completed: 30, failed: 0 });
      const output = await outputOf(done.outputFileId);
      const charged = output.reduce((sum, line) => sum + line.response.body.usage.total_tokens, 0);
      expect(charged).toBeGreaterThan(2000);
      expect(output.every((line) => line.response.status_code === 200)).toBe(true);
      expect(gate.refused()).toBe(0);
      expect(chatCalls(tight)).toBe(30);
    } finally {
      await tight.close();
    }
  }, 60_000);
});
