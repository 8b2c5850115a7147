// Two app instances (two runtimes, as two processes would build them) on one real redis-server:
// a 429 seen by one keeps the other off that model, a client limit and cached answers are shared,
// and a Redis stopped mid-run never fails a request.
import type { UIMessageChunk } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import type { Runtime } from '@/lib/server/runtime';
import { startRedis, type RunningRedis } from '@/test/start-redis';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { uiChunkStream } from '@/test/ui-chunk-stream';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let redis: RunningRedis;
let one: Runtime;
let two: Runtime;
let streamChat: typeof import('@/lib/services/chat').streamChat;
let observedRoute: typeof import('./observed-route').observedRoute;
const storeLines: string[] = [];

beforeAll(async () => {
  emulator = await startWiredEmulator();
  redis = await startRedis();
  const { parseEnv } = await import('@/lib/env');
  const { createLogger } = await import('@/lib/observability/logger');
  const { createRuntime } = await import('./runtime');
  const config = parseEnv({ ...process.env, REDIS_URL: redis.url, FLINT_RATE_LIMIT: '4', FLINT_MAX_STREAMS: '10' });
  one = createRuntime(config, createLogger({ destination: { write: (line: string) => void storeLines.push(line) } }));
  two = createRuntime(config, createLogger({ level: 'silent' }));
  await Promise.all([one, two].map((runtime) => (runtime.store as import('@/lib/store').RedisStore).ready()));
  ({ streamChat } = await import('@/lib/services/chat'));
  ({ observedRoute } = await import('./observed-route'));
});
afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await redis?.stop();
  await emulator?.close();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

type Answer = { text: string; attempts: Array<{ model: string; outcome: string }>; cache?: boolean };

async function ask(runtime: Runtime, text: string, temperature?: number): Promise<Answer> {
  const stream = uiChunkStream(await streamChat(
    { id: 'chat', tier: 'speed', trigger: 'submit-message', ...(temperature === undefined ? {} : { temperature }), messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] },
    new AbortController().signal,
    { runtime, onRecord: () => {} },
  ));
  const answer: Answer = { text: '', attempts: [] };
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk: UIMessageChunk = value;
    if (chunk.type === 'text-delta') answer.text += chunk.delta;
    if (chunk.type === 'finish' && chunk.messageMetadata) Object.assign(answer, chunk.messageMetadata);
  }
  return answer;
}

const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));

describe('two instances on one Redis', () => {
  it('a 429 seen by one instance keeps the other off that model for its retry-after', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 429, retryAfterSeconds: 30, times: 1 });
    const first = await ask(one, 'Hello [emulate tokens=8]');
    expect(first.attempts.map((attempt) => attempt.outcome)).toEqual(['rate_limited', 'ok']);
    // The consistency window, made explicit: one's write lands, two's mirror refreshes (its timer does this every second).
    await one.health.flush();
    await two.health.refresh();
    // Two's breaker for the model is open on one's 429 (two never called it)...
    expect(two.health.admit({ provider: 'groq', id: 'openai/gpt-oss-20b' })).toMatchObject({ admitted: false, reason: 'open', cause: 'rate_limited' });
    expect(two.health.admit({ provider: 'groq', id: 'openai/gpt-oss-120b' })).toMatchObject({ admitted: true });
    two.health.release({ provider: 'groq', id: 'openai/gpt-oss-120b' });
    emulator.requests.clear();
    const second = await ask(two, 'Hello again [emulate tokens=8]');
    expect(chatCalls().map((entry) => entry.model)).not.toContain('openai/gpt-oss-20b');
    // ...and so is its budget (the 429's headers said 0 tokens left): either way the model is not called.
    expect(second.attempts[0]).toMatchObject({ model: 'gpt-oss-20b', outcome: expect.stringMatching(/^skipped_(open|budget)$/) });
    expect(two.health.snapshot().models.find((model) => model.key === 'groq:openai/gpt-oss-20b')).toMatchObject({ state: 'open', openCause: 'rate_limited' });
  });

  it('shares one client limit between the instances', async () => {
    const request = () => new Request('http://flint.test/api/chat', { method: 'POST', headers: { 'x-forwarded-for': '192.0.2.7' } });
    const answer = (runtime: Runtime) => observedRoute(request(), '/api/chat', async () => Response.json({ ok: true }), runtime).then((response) => response.status);
    const statuses = [await answer(one), await answer(two), await answer(one), await answer(two), await answer(one), await answer(two)];
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('shares the response cache: a deterministic answer cached by one is served by the other without a provider call', async () => {
    const first = await ask(one, 'Shared cache [emulate tokens=9]', 0);
    expect(first.cache).toBeUndefined();
    emulator.requests.clear();
    const second = await ask(two, 'Shared cache [emulate tokens=9]', 0);
    expect(second.cache).toBe(true);
    expect(second.text).toBe(first.text);
    expect(chatCalls()).toHaveLength(0);
  });

  it('keeps serving with Redis stopped mid-run, logs it once, and goes back to Redis when it returns', async () => {
    await redis.stop();
    try {
      const during = [await ask(one, 'During the outage [emulate tokens=6]'), await ask(one, 'Still during [emulate tokens=6]')];
      for (const answer of during) expect(answer.text.length).toBeGreaterThan(0);
      await expect.poll(() => storeLines.filter((line) => line.includes('redis unreachable')).length).toBe(1);
    } finally {
      await redis.start();
    }
    await (one.store as import('@/lib/store').RedisStore).ready();
    expect((await ask(one, 'After the outage [emulate tokens=6]')).text.length).toBeGreaterThan(0);
    expect(one.store.shared()).toBe(true);
  });
});
