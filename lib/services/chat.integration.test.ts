// The fallback chain end to end: chat service -> router -> chain -> AI SDK providers -> the
// emulator's Groq and OpenAI wire protocols, with faults injected per provider and model.
import type { UIMessageChunk } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { freshRuntime } from '@/test/fresh-runtime';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { createHealthRegistry, type HealthRegistry } from '@/lib/ai/health/health';
import { FlintError } from '@/lib/errors';
import type { MessageMetadata } from '@/lib/chat/message';
import { uiChunkStream } from '@/test/ui-chunk-stream';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let streamChat: typeof import('./chat').streamChat;

beforeAll(async () => {
  emulator = await startWiredEmulator();
  ({ streamChat } = await import('./chat'));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

type Answer = { text: string; metadata: MessageMetadata; finishReason?: string };

/** Asks the chat service one question and reads the whole UI message stream. */
async function ask(registry: HealthRegistry, text = 'Hello Flint [emulate tokens=40]', tier: 'speed' | 'quality' = 'speed'): Promise<Answer> {
  const stream = uiChunkStream(await streamChat(
    { id: 'chat', tier, trigger: 'submit-message', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] },
    new AbortController().signal,
    // A runtime per request: one test's 429 headers (budgets) must not skip models in the next.
    { health: registry, runtime: await freshRuntime() },
  ));
  const answer: Answer = { text: '', metadata: {} };
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk: UIMessageChunk = value;
    if (chunk.type === 'text-delta') answer.text += chunk.delta;
    if (chunk.type === 'error') throw new Error(`stream error: ${chunk.errorText}`);
    if (chunk.type === 'finish') answer.finishReason = chunk.finishReason;
    if ('messageMetadata' in chunk && chunk.messageMetadata) Object.assign(answer.metadata, chunk.messageMetadata);
  }
  return answer;
}

async function failure(promise: Promise<unknown>): Promise<FlintError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(FlintError.isInstance(error), `expected a FlintError, got ${String(error)}`).toBe(true);
  return error as FlintError;
}

const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));
const callsTo = (model: string) => chatCalls().filter((entry) => entry.model === model).length;

describe('the fallback chain through the emulator', () => {
  it('answers from another model at once when the primary says 429 with retry-after 30', async () => {
    const registry = createHealthRegistry();
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 429, retryAfterSeconds: 30 });
    const answer = await ask(registry);
    expect(answer.metadata.model).toBe('gpt-oss-120b');
    expect(answer.text).toContain('openai/gpt-oss-120b');
    expect(answer.metadata.attempts?.map((attempt) => [attempt.model, attempt.outcome])).toEqual([
      ['gpt-oss-20b', 'rate_limited'],
      ['gpt-oss-120b', 'ok'],
    ]);
    // The breaker holds the sick model for the retry-after; the request itself never waited on it.
    const breaker = registry.snapshot().models.find((model) => model.modelId === 'openai/gpt-oss-20b');
    expect(breaker?.state).toBe('open');
    expect(breaker!.until! - Date.now()).toBeGreaterThan(25_000);
    expect(answer.metadata.attempts![0]!.ms).toBeLessThan(5_000);
  });

  it('falls through to OpenAI when every Groq model answers 5xx', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 503 });
    const answer = await ask(createHealthRegistry());
    expect(answer.metadata).toMatchObject({ model: 'gpt-4.1-mini', provider: 'openai' });
    expect(answer.metadata.attempts?.map((attempt) => attempt.outcome)).toEqual(['server_error', 'server_error', 'ok']);
    expect(answer.metadata.costUsd).toBeGreaterThan(0);
  });

  it('ends in a typed, retryable error and no assistant text when everything is down', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 500 });
    emulator.faults.add({ provider: 'openai', kind: 'status', status: 502 });
    const error = await failure(ask(createHealthRegistry()));
    expect(error.code).toBe('unavailable:chat');
    expect(error.retryable).toBe(true);
    expect(error.message).not.toMatch(/500|502|internal|emulat/i);
  });

  it('does not fall back on 400: exactly one upstream call', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 400 });
    const error = await failure(ask(createHealthRegistry()));
    expect(error.code).toBe('invalid_request:chat');
    expect(chatCalls()).toHaveLength(1);
  });

  it('abandons a model that stalls before headers at the first-token deadline and tries the next', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'stall', ms: 20_000 });
    const answer = await ask(createHealthRegistry());
    expect(answer.metadata.model).toBe('gpt-oss-120b');
    expect(answer.metadata.attempts?.[0]).toMatchObject({ model: 'gpt-oss-20b', outcome: 'timeout' });
  });

  it('continues on the next model when the socket drops after text reached the user', async () => {
    // ~50 reasoning chunks come first; drop once the visible answer has started.
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'drop', afterChunks: 70 });
    const answer = await ask(createHealthRegistry());
    expect(answer.metadata.continuedBy).toBe('gpt-oss-120b');
    expect(answer.metadata.model).toBe('gpt-oss-20b');
    // One answer: the 20b partial is not restarted; the continuation follows it once.
    expect(answer.text.startsWith("This is Flint's local emulator answering as **openai/gpt-oss-20b**")).toBe(true);
    expect(answer.text.split('answering as **openai/gpt-oss-20b**')).toHaveLength(2);
    expect(answer.finishReason).not.toBe('interrupted');
  });

  it('continues after a socket dropped after 3 chunks (during reasoning) too', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'drop', afterChunks: 3 });
    const answer = await ask(createHealthRegistry());
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.metadata.attempts?.[0]?.model).toBe('gpt-oss-20b');
    expect(answer.metadata.attempts?.[0]?.outcome).not.toBe('ok');
  });

  it('continues after an error frame mid-stream', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'error-frame', afterChunks: 70 });
    const answer = await ask(createHealthRegistry());
    expect(answer.metadata.continuedBy).toBe('gpt-oss-120b');
  });

  it('marks the answer interrupted, not complete, when no model can continue it', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'drop', afterChunks: 70 });
    emulator.faults.add({ provider: 'openai', kind: 'status', status: 503 });
    const answer = await ask(createHealthRegistry());
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.metadata.interrupted).toBe(true);
    expect(answer.finishReason).toBe('interrupted');
  });

  it('skips Groq after a 401, lets OpenAI answer, and reports Groq misconfigured', async () => {
    const registry = createHealthRegistry({ logError: () => {} });
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 401 });
    const answer = await ask(registry);
    expect(answer.metadata.provider).toBe('openai');
    expect(callsTo('openai/gpt-oss-120b')).toBe(0); // the other Groq model is not tried with a rejected key
    expect(registry.snapshot().providers).toContainEqual(expect.objectContaining({ provider: 'groq', status: 'misconfigured' }));
  });

  it('sends nothing to a model whose breaker is open until its half-open probe', async () => {
    let now = Date.now();
    const registry = createHealthRegistry({ now: () => now, cooldownMs: 30_000 });
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 500, times: 3 });
    for (let request = 0; request < 3; request++) await ask(registry);
    expect(callsTo('openai/gpt-oss-20b')).toBe(3);

    emulator.requests.clear();
    const whileOpen = await ask(registry);
    expect(callsTo('openai/gpt-oss-20b')).toBe(0);
    expect(whileOpen.metadata.attempts?.[0]).toMatchObject({ model: 'gpt-oss-20b', outcome: 'skipped_open' });

    now += 30_001;
    const probe = await ask(registry);
    expect(callsTo('openai/gpt-oss-20b')).toBe(1);
    expect(probe.metadata.model).toBe('gpt-oss-20b');
    expect(registry.snapshot().models.find((model) => model.modelId === 'openai/gpt-oss-20b')?.state).toBe('closed');
  });

  it('reroutes only the request that saw a 503, not 49 concurrent others (no shared index)', async () => {
    const registry = createHealthRegistry();
    // A 503, not a 429: a 429's retry-after rightly rests the model for everyone who arrives later.
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 503, times: 1 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => ask(registry)));
    const servedBy = answers.map((answer) => answer.metadata.model);
    expect(servedBy.filter((model) => model === 'gpt-oss-120b')).toHaveLength(1);
    expect(servedBy.filter((model) => model === 'gpt-oss-20b')).toHaveLength(49);
  });
});
