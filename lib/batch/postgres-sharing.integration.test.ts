import { drizzle } from 'drizzle-orm/node-postgres';
import OpenAI from 'openai';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import { applyBatchMigrations } from './apply-batch-migrations';
import { createBatchService } from './batch-service';
import { createLocalEngine } from './local-engine';
import { catalogPrice } from './price-line';
import { batchJsonl } from './test-support/batch-fixtures';
import { openaiRunLine } from './test-support/openai-run-line';
import { startPostgres } from './test-support/start-postgres';

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let emulator: RunningEmulator;
const pools: pg.Pool[] = [];

/** One "instance": its own connection pool, as a separate process would have. */
function instance() {
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  pools.push(pool);
  return drizzle({ client: pool });
}

beforeAll(async () => {
  postgres = await startPostgres();
  emulator = await startEmulator({ speed: 0 });
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await emulator.close();
  await postgres.stop();
});

describe('local engines on a real Postgres, each with its own connections', () => {
  it('migrate side by side, then share a 50-line batch with no line run twice', async () => {
    const dbs = [instance(), instance(), instance()];
    await Promise.all(dbs.map((db) => applyBatchMigrations(db)));
    const client = new OpenAI({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_test', maxRetries: 0 });
    const engines = dbs.map((db) => createLocalEngine({ db, runLine: openaiRunLine(client), maxInFlight: 4, idlePollMs: 20 }));
    const finishedBy = engines.map(() => 0);
    engines.forEach((engine, index) => engine.on((event) => event.type === 'line-finished' && (finishedBy[index] = (finishedBy[index] ?? 0) + 1)));
    engines.forEach((engine) => engine.start());
    const service = createBatchService({ db: dbs[0]!, wake: () => engines.forEach((engine) => engine.wake()), providerConfigured: false, isGroqModel: () => true, price: catalogPrice() });
    const file = await service.uploadFile('k1', { filename: 'in.jsonl', purpose: 'batch', content: batchJsonl(50) });
    const batch = await service.createBatch('k1', { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const seen = await Promise.all(engines.map((engine) => engine.finished(batch.id)));
    await Promise.all(engines.map((engine) => engine.stop()));
    expect(seen.map((row) => row.status)).toEqual(['completed', 'completed', 'completed']);
    expect(seen[0]).toMatchObject({ completed: 50, failed: 0 });
    expect(finishedBy.reduce((sum, count) => sum + count, 0)).toBe(50);
    expect(finishedBy.filter((count) => count > 0).length).toBeGreaterThan(1);
    expect(emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'))).toHaveLength(50);
  });
});
