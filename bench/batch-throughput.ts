// The local batch engine's throughput for 500 short lines against the emulator's rate limits, as a fraction of what
// those limits allow. The emulator only reports its limits; the lines go through lib/batch's rate gate, which answers
// Groq's 429 once a call leaves the token budget exhausted, so a too-eager engine pays in 429s and retries.
// Runs in this process on an in-memory PGlite database; `node bench/batch-throughput.ts` runs it alone.
import { startEmulator } from '../emulator/server.ts';
import { defaultModels } from '../emulator/models.ts';
import { cell } from './stats.ts';

const model = 'openai/gpt-oss-20b';
/** Tokens per minute for the bench's model: small enough that 500 lines need several times its burst. */
const tokensPerMinute = 3_000;

/** Runs the batch and answers a short report. */
export async function benchBatchThroughput(lineCount = 500): Promise<string> {
  // lib/ imports omit extensions and use `@/`: these hooks let plain Node load them.
  await import('../lib/batch/test-support/resolve-ts-hooks.ts');
  const [{ openDatabase }, { createBatchService }, { createLocalEngine }, { fetchRunLine }, { catalogPrice }, { fileQueries }, { batchJsonl }, { rateGatedFetch }] = await Promise.all([
    import('../lib/db/open-database.ts'), import('../lib/batch/batch-service.ts'), import('../lib/batch/local-engine.ts'), import('../lib/batch/fetch-run-line.ts'),
    import('../lib/batch/price-line.ts'), import('../lib/batch/file-queries.ts'), import('../lib/batch/test-support/batch-fixtures.ts'), import('../lib/batch/test-support/rate-gate.ts'),
  ]);
  const emulator = await startEmulator({ port: 0, speed: 0, models: defaultModels.map((entry) => (entry.id === model ? { ...entry, limits: { requests: 1_000_000, tokens: tokensPerMinute } } : entry)) });
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const gate = rateGatedFetch();
    const engine = createLocalEngine({ db: database.db, runLine: fetchRunLine({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_bench', fetch: gate.fetch }), maxInFlight: 16, idlePollMs: 20 });
    const service = createBatchService({ db: database.db, wake: () => engine.wake(), providerConfigured: false, isGroqModel: () => true, price: catalogPrice() });
    const file = await service.uploadFile('bench', { filename: 'bench.jsonl', purpose: 'batch', content: batchJsonl(lineCount, { model, maxTokens: 5, prompt: (index) => `Tag item ${index} [emulate tokens=5]` }) });
    engine.start();
    const began = performance.now();
    const created = await service.createBatch('bench', { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { flint_engine: 'local' } });
    const done = await engine.finished(created.id);
    const seconds = (performance.now() - began) / 1000;
    await engine.stop();
    const output = ((await fileQueries(database.db).get(done.outputFileId ?? '', 'bench'))?.content ?? '').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { response?: { status_code?: number; body?: { usage?: { total_tokens?: number } } } });
    const tokens = output.reduce((sum, line) => sum + (line.response?.body?.usage?.total_tokens ?? 0), 0);
    // The bucket starts full (one minute's tokens) and refills at tokensPerMinute: that is all the limit allows in `seconds`.
    const allowed = tokensPerMinute + (tokensPerMinute * seconds) / 60;
    const ended429 = output.filter((line) => line.response?.status_code === 429).length;
    return [
      `${done.completed}/${lineCount} lines completed (${done.failed} failed) in ${cell(seconds, 1)} s: ${cell(done.completed / seconds, 1)} lines/s, ${tokens} tokens`,
      `limit ${tokensPerMinute} tokens/min (burst ${tokensPerMinute} + ${cell(tokensPerMinute / 60, 0)}/s refill) allowed ${cell(allowed, 0)} tokens in that time: throughput ${cell((100 * tokens) / allowed, 1)} % of the limit`,
      `429s answered by the gate ${gate.refused()} (retried), 429s left in results ${ended429}`,
    ].join('\n');
  } finally {
    await database.close();
    await emulator.close();
  }
}

if (import.meta.main) process.stdout.write(`${await benchBatchThroughput()}\n`);
