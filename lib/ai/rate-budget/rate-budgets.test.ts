import { createGroq } from '@ai-sdk/groq';
import { APICallError, generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModels } from '@/emulator/models';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { createLogger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { startRedis } from '@/test/start-redis';
import { parseRateLimitHeaders } from './parse-rate-limit-headers';
import { createRateBudgetFetch, modelOfRequest } from './rate-budget-fetch';
import { createRateBudgets } from './rate-budgets';

const primary = { provider: 'groq', model: 'openai/gpt-oss-120b' };

const groqHeaders = (remainingTokens: string, resetTokens: string) => new Headers({
  'x-ratelimit-limit-requests': '1000', 'x-ratelimit-limit-tokens': '8000',
  'x-ratelimit-remaining-requests': '994', 'x-ratelimit-remaining-tokens': remainingTokens,
  'x-ratelimit-reset-requests': '8m38.4s', 'x-ratelimit-reset-tokens': resetTokens,
});

describe('parseRateLimitHeaders', () => {
  it('turns counts and Go-duration resets into a budget with absolute reset times', () => {
    expect(parseRateLimitHeaders(groqHeaders('7100', '6.75s'), 1_000)).toEqual({
      observedAt: 1_000, limitRequests: 1000, limitTokens: 8000, remainingRequests: 994, remainingTokens: 7100,
      requestsResetAt: 1_000 + 518_400, tokensResetAt: 1_000 + 6_750,
    });
  });

  it('is undefined for a response without rate-limit headers', () => {
    expect(parseRateLimitHeaders(new Headers({ 'content-type': 'application/json' }), 0)).toBeUndefined();
  });
});

describe('rate budgets', () => {
  it('says no while the remaining tokens are below the estimate, and yes once the window has reset', async () => {
    let clock = 10_000;
    const budgets = createRateBudgets(createMemoryStore(), () => clock);
    expect(await budgets.canServe(primary, 5_000)).toBe(true); // nothing known yet
    await budgets.record(primary, groqHeaders('1200', '7.66s'));
    expect(await budgets.canServe(primary, 1_000)).toBe(true);
    expect(await budgets.canServe(primary, 1_500)).toBe(false);
    clock += 7_661;
    expect(await budgets.canServe(primary, 1_500)).toBe(true);
  });

  it('says no when the requests for the day are used up', async () => {
    const budgets = createRateBudgets(createMemoryStore(), () => 0);
    await budgets.record(primary, new Headers({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '2m59.56s' }));
    expect(await budgets.canServe(primary, 1)).toBe(false);
    expect(await budgets.canServe({ provider: 'groq', model: 'openai/gpt-oss-20b' }, 1)).toBe(true);
  });

  it('shares budgets between instances through Redis', async () => {
    const redis = await startRedis();
    const log = createLogger({ level: 'silent' });
    const [one, two] = [createRedisStore({ url: redis.url, log }), createRedisStore({ url: redis.url, log })];
    await Promise.all([one.ready(), two.ready()]);
    await createRateBudgets(one).record(primary, groqHeaders('0', '30s'));
    expect(await createRateBudgets(two).canServe(primary, 100)).toBe(false);
    await Promise.all([one.close(), two.close()]);
    await redis.stop();
  });

  it('reads the Store for another instance’s sighting once per refresh window, not before every call', async () => {
    let clock = 10_000;
    const store = createMemoryStore();
    let reads = 0;
    const counted: Store = { ...store, get: (key) => ((reads += 1), store.get(key)) };
    const [one, two] = [createRateBudgets(store, () => clock), createRateBudgets(counted, () => clock, 1_000)];
    expect(await two.canServe(primary, 100)).toBe(true);
    expect(reads).toBe(1);
    await one.record(primary, groqHeaders('0', '30s')); // another instance sees the model drained
    expect(await two.canServe(primary, 100)).toBe(true); // its copy is 0 ms old: no read
    expect(reads).toBe(1);
    clock += 1_000;
    expect(await two.canServe(primary, 100)).toBe(true); // the old copy answers while a read starts behind it
    expect(reads).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await two.canServe(primary, 100)).toBe(false);
    expect(reads).toBe(2);
  });

  it('shows the last remaining values in the metrics and the snapshot', async () => {
    const budgets = createRateBudgets(createMemoryStore());
    await budgets.record(primary, groqHeaders('4321', '1s'));
    const gauge = await metrics().rateLimitRemaining.get();
    expect(gauge.values.find((value) => value.labels.model === primary.model && value.labels.kind === 'tokens')?.value).toBe(4321);
    expect(budgets.snapshot()['groq/openai/gpt-oss-120b']?.remainingTokens).toBe(4321);
  });
});

describe('rate-budget fetch against the emulator', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    // A primary with a 500-token minute: one long answer uses it up, so the emulator reports 0 remaining.
    const models = defaultModels.map((model) => (model.id === primary.model ? { ...model, limits: { requests: 1000, tokens: 500 } } : model));
    emulator = await startEmulator({ port: 0, speed: 0, models });
  });
  afterAll(() => emulator.close());

  const groqWith = (budgets: ReturnType<typeof createRateBudgets>) => createGroq({
    apiKey: 'gsk_test', baseURL: emulator.groqBaseURL,
    fetch: createRateBudgetFetch(budgets, modelOfRequest({ groq: emulator.groqBaseURL, openai: emulator.openaiBaseURL })),
  });

  it('records the headers of every provider response, so a drained model is known before it is called again', async () => {
    const budgets = createRateBudgets(createMemoryStore());
    const groq = groqWith(budgets);
    await generateText({ model: groq(primary.model), prompt: 'Hello [emulate tokens=600]', maxRetries: 0 });
    await expect.poll(() => budgets.snapshot()[`groq/${primary.model}`]?.remainingTokens).toBe(0);
    expect(await budgets.canServe(primary, 200)).toBe(false);
    expect(await budgets.canServe({ provider: 'groq', model: 'openai/gpt-oss-20b' }, 200)).toBe(true);
  });

  it('lets a router skip a primary the emulator reports drained, so the next request never calls it', async () => {
    const budgets = createRateBudgets(createMemoryStore());
    const groq = groqWith(budgets);
    const pinned = await fetch(`${emulator.url}/_emulator/rate-limits`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'groq', model: 'openai/gpt-oss-20b', remainingTokens: 0, resetTokensMs: 30_000 }),
    });
    expect(pinned.status).toBe(201);
    const speed = { provider: 'groq', model: 'openai/gpt-oss-20b' };
    const backup = { provider: 'groq', model: 'qwen/qwen3.8-27b' };
    // The smallest router: the first candidate whose budget covers the estimate.
    const route = async (estimate: number) => {
      for (const candidate of [speed, backup]) if (await budgets.canServe(candidate, estimate)) return candidate;
      return undefined;
    };
    await generateText({ model: groq((await route(300))!.model), prompt: 'first', maxRetries: 0 });
    emulator.requests.clear();
    const second = (await route(300))!;
    expect(second).toEqual(backup);
    await generateText({ model: groq(second.model), prompt: 'second', maxRetries: 0 });
    expect(emulator.requests.list().map((entry) => entry.model)).toEqual([backup.model]);
    await fetch(`${emulator.url}/_emulator/rate-limits`, { method: 'DELETE' });
  });

  it('records a 429 response too', async () => {
    const budgets = createRateBudgets(createMemoryStore());
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 429, type: 'tokens', retryAfterSeconds: 4, times: 1 });
    const failed = await generateText({ model: groqWith(budgets)('openai/gpt-oss-20b'), prompt: 'Hi', maxRetries: 0 }).catch((error: unknown) => error);
    expect(APICallError.isInstance(failed) && failed.statusCode).toBe(429);
    await expect.poll(() => budgets.snapshot()['groq/openai/gpt-oss-20b']?.remainingTokens).toBe(0);
    expect(await budgets.canServe({ provider: 'groq', model: 'openai/gpt-oss-20b' }, 1)).toBe(false);
  });
});
