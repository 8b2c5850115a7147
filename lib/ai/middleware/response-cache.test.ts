import type { LanguageModelV4CallOptions, LanguageModelV4GenerateResult, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createGroq } from '@ai-sdk/groq';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV4, simulateReadableStream } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { createLogger } from '@/lib/observability/logger';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { startRedis } from '@/test/start-redis';
import { cacheKey } from './cache-key';
import { responseCacheMiddleware, type ResponseCacheOptions } from './response-cache';

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 3, text: 3, reasoning: 0 } };

function answer(text: string, finish: 'stop' | 'error' = 'stop'): LanguageModelV4GenerateResult {
  return { content: [{ type: 'text', text }], finishReason: { unified: finish, raw: finish }, usage, warnings: [], response: { id: 'r1', timestamp: new Date(5), modelId: 'm' } };
}

function streamParts(text: string, options: { error?: boolean } = {}): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: 'r1', modelId: 'm', timestamp: new Date(7) },
    { type: 'text-start', id: 't' },
    ...text.split(' ').map((word): LanguageModelV4StreamPart => ({ type: 'text-delta', id: 't', delta: `${word} ` })),
    { type: 'text-end', id: 't' },
    ...(options.error ? [{ type: 'error', error: new Error('mid-stream') } as LanguageModelV4StreamPart] : []),
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
  ];
}

function mock(text = 'Paris is the capital', options: { error?: boolean; finish?: 'stop' | 'error' } = {}) {
  return new MockLanguageModelV4({
    provider: 'flint', modelId: 'quality',
    doGenerate: async () => answer(text, options.finish),
    doStream: async () => ({ stream: simulateReadableStream({ chunks: streamParts(text, options), initialDelayInMs: null, chunkDelayInMs: null }) }),
  });
}

function cached(model: MockLanguageModelV4, overrides: Partial<ResponseCacheOptions> = {}) {
  return wrapLanguageModel({ model, middleware: responseCacheMiddleware({ store: createMemoryStore(), ttlMs: 60_000, ...overrides }) });
}

const params = (overrides: Partial<LanguageModelV4CallOptions> = {}): LanguageModelV4CallOptions => ({
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'Capital of France?' }] }], temperature: 0, ...overrides,
});

async function collect(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  return parts;
}

describe('response cache: generate', () => {
  it('answers a repeated deterministic call from the cache, marked as a hit, without calling the model', async () => {
    const model = mock();
    let hits = 0;
    const wrapped = cached(model, { onHit: () => void (hits += 1) });
    const first = await generateText({ model: wrapped, prompt: 'Capital of France?', temperature: 0 });
    const second = await generateText({ model: wrapped, prompt: 'Capital of France?', temperature: 0 });
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(second.text).toBe(first.text);
    expect(first.providerMetadata?.flint).toBeUndefined();
    expect(second.providerMetadata?.flint).toEqual({ cache: 'hit' });
    expect(second.response.timestamp).toEqual(new Date(5));
    expect(hits).toBe(1);
  });

  it('calls the model again for a different prompt, setting or route', async () => {
    const model = mock();
    const wrapped = cached(model);
    await wrapped.doGenerate(params());
    await wrapped.doGenerate(params({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Capital of Spain?' }] }] }));
    await wrapped.doGenerate(params({ maxOutputTokens: 50 }));
    await wrapped.doGenerate(params({ seed: 1 }));
    expect(model.doGenerateCalls).toHaveLength(4);
    expect(cacheKey('flint:quality', 'generate', params())).not.toBe(cacheKey('flint:speed', 'generate', params()));
    // Headers and the abort signal do not change the answer, so not the key either.
    expect(cacheKey('r', 'generate', params({ headers: { 'x-request-id': 'a' }, abortSignal: new AbortController().signal }))).toBe(cacheKey('r', 'generate', params()));
    expect(cacheKey('r', 'generate', { temperature: 0, topP: 1, prompt: [] })).toBe(cacheKey('r', 'generate', { topP: 1, prompt: [], temperature: 0 }));
  });

  it('only caches deterministic calls, unless the caller opts in or out', async () => {
    const model = mock();
    const wrapped = cached(model);
    await wrapped.doGenerate(params({ temperature: 0.7 }));
    await wrapped.doGenerate(params({ temperature: 0.7 }));
    expect(model.doGenerateCalls).toHaveLength(2);
    await wrapped.doGenerate(params({ temperature: 0.7, providerOptions: { flint: { cache: true } } }));
    await wrapped.doGenerate(params({ temperature: 0.7, providerOptions: { flint: { cache: true } } }));
    expect(model.doGenerateCalls).toHaveLength(3);
    await wrapped.doGenerate(params({ providerOptions: { flint: { cache: false } } }));
    await wrapped.doGenerate(params({ providerOptions: { flint: { cache: false } } }));
    expect(model.doGenerateCalls).toHaveLength(5);
  });

  it('never keeps a failed answer', async () => {
    const model = mock('x', { finish: 'error' });
    const wrapped = cached(model);
    await wrapped.doGenerate(params());
    await wrapped.doGenerate(params());
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it('is off with a TTL of 0 and forgets entries after their TTL', async () => {
    const off = mock();
    const disabled = cached(off, { ttlMs: 0 });
    await disabled.doGenerate(params());
    await disabled.doGenerate(params());
    expect(off.doGenerateCalls).toHaveLength(2);

    let clock = 1_000;
    const model = mock();
    const wrapped = cached(model, { ttlMs: 10_000, store: createMemoryStore({ now: () => clock }) });
    await wrapped.doGenerate(params());
    clock += 9_999;
    await wrapped.doGenerate(params());
    expect(model.doGenerateCalls).toHaveLength(1);
    clock += 2;
    await wrapped.doGenerate(params());
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it('is bounded by bytes: the least recently used answer goes first', async () => {
    const model = mock('a fairly long answer '.repeat(20));
    // Room for one entry only (each is about 1.6 KB in the memory store's UTF-16 accounting).
    const wrapped = cached(model, { store: createMemoryStore({ maxBytes: 2_500 }) });
    const spain = params({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Spain?' }] }] });
    await wrapped.doGenerate(params());
    await wrapped.doGenerate(spain);
    await wrapped.doGenerate(spain);
    expect(model.doGenerateCalls).toHaveLength(2);
    await wrapped.doGenerate(params());
    expect(model.doGenerateCalls).toHaveLength(3);
  });
});

describe('response cache: stream', () => {
  it('replays a repeated deterministic stream part by part, marked as a hit on its finish', async () => {
    const model = mock('one two three');
    const wrapped = cached(model);
    const first = await collect((await wrapped.doStream(params())).stream);
    const second = await collect((await wrapped.doStream(params())).stream);
    expect(model.doStreamCalls).toHaveLength(1);
    const withoutFinish = (parts: LanguageModelV4StreamPart[]) => parts.filter((part) => part.type !== 'finish');
    expect(withoutFinish(second)).toEqual(withoutFinish(first));
    expect(second.at(-1)).toMatchObject({ type: 'finish', providerMetadata: { flint: { cache: 'hit' } } });
    expect(second.find((part) => part.type === 'response-metadata')).toMatchObject({ timestamp: new Date(7) });
  });

  it('never keeps a stream that carried an error or was cancelled', async () => {
    const failing = mock('one two', { error: true });
    const wrapped = cached(failing);
    await collect((await wrapped.doStream(params())).stream);
    await collect((await wrapped.doStream(params())).stream);
    expect(failing.doStreamCalls).toHaveLength(2);

    const model = mock('one two three four');
    const cancelled = cached(model);
    const reader = (await cancelled.doStream(params())).stream.getReader();
    await reader.read();
    await reader.cancel();
    await collect((await cancelled.doStream(params())).stream);
    expect(model.doStreamCalls).toHaveLength(2);
  });

  it('shares hits between instances through Redis', async () => {
    const redis = await startRedis();
    const log = createLogger({ level: 'silent' });
    const stores: Store[] = [createRedisStore({ url: redis.url, log }), createRedisStore({ url: redis.url, log })];
    await Promise.all(stores.map((store) => (store as ReturnType<typeof createRedisStore>).ready()));
    const [modelOne, modelTwo] = [mock('shared answer'), mock('shared answer')];
    const one = cached(modelOne, { store: stores[0]! });
    const two = cached(modelTwo, { store: stores[1]! });
    await collect((await one.doStream(params())).stream);
    await expect.poll(async () => (await stores[1]!.get(cacheKey('flint:quality', 'stream', params()))) !== undefined).toBe(true);
    const replay = await collect((await two.doStream(params())).stream);
    expect(modelTwo.doStreamCalls).toHaveLength(0);
    expect(replay.at(-1)).toMatchObject({ providerMetadata: { flint: { cache: 'hit' } } });
    await Promise.all(stores.map((store) => store.close()));
    await redis.stop();
  });
});

describe('response cache in front of a real provider client (emulator)', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, speed: 0 });
  });
  afterAll(() => emulator.close());

  it('sends one request for two identical temperature-0 streams and replays the same text', async () => {
    const groq = createGroq({ apiKey: 'gsk_test', baseURL: emulator.groqBaseURL });
    const model = wrapLanguageModel({ model: groq('openai/gpt-oss-20b'), middleware: responseCacheMiddleware({ store: createMemoryStore(), ttlMs: 60_000 }) });
    const run = async () => {
      const result = streamText({ model, prompt: 'Tell me about caching', temperature: 0, maxRetries: 0 });
      return { text: await result.text, metadata: await result.providerMetadata };
    };
    const first = await run();
    const second = await run();
    expect(emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'))).toHaveLength(1);
    expect(second.text).toBe(first.text);
    expect(first.text).toContain('emulator');
    expect(second.metadata?.flint).toEqual({ cache: 'hit' });

    await streamText({ model, prompt: 'Tell me about caching', temperature: 1, maxRetries: 0 }).text;
    expect(emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'))).toHaveLength(2);
  });
});
