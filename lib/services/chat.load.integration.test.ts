// The chain under concurrency, end to end through the emulator: 200 streams opened at once on a
// healthy emulator never fall back, and with 30 % of upstream calls faulted the breakers still let
// at least 95 % of requests end in a complete answer, none of them silently cut.
import type { UIMessageChunk } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import type { FaultSpec } from '@/emulator/types';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import type { FallbackAttempt } from '@/lib/ai/fallback/fallback-trace';
import { createHealthRegistry, type HealthRegistry } from '@/lib/ai/health/health';
import { FlintError } from '@/lib/errors';
import type { MessageMetadata } from '@/lib/chat/message';
import type { RequestRecord } from './request-log';
import { uiChunkStream } from '@/test/ui-chunk-stream';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let streamChat: typeof import('./chat').streamChat;
let setRequestSink: typeof import('./request-log').setRequestSink;
let records: RequestRecord[] = [];

beforeAll(async () => {
  emulator = await startWiredEmulator();
  ({ streamChat } = await import('./chat'));
  ({ setRequestSink } = await import('./request-log'));
  setRequestSink((record) => records.push(record));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
  records = [];
});

type Ending = 'complete' | 'continued' | 'interrupted' | 'typed_error' | 'silently_cut';
type Result = { ending: Ending; attempts: FallbackAttempt[]; code?: string };

/** One chat request read to its end, classified the way a user would see it. */
async function ask(registry: HealthRegistry, index: number): Promise<Result> {
  const attempts: FallbackAttempt[] = [];
  let stream: ReadableStream<UIMessageChunk>;
  try {
    stream = uiChunkStream(await streamChat(
      { id: `chat-${index}`, tier: 'speed', trigger: 'submit-message', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hello Flint [emulate tokens=40]' }] }] },
      new AbortController().signal,
      { health: registry, onAttempt: (attempt) => attempts.push(attempt) },
    ));
  } catch (error) {
    if (!FlintError.isInstance(error)) throw error;
    return { ending: 'typed_error', attempts, code: error.code };
  }
  const metadata: MessageMetadata = {};
  let finishReason: string | undefined;
  let errored = false;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === 'error') errored = true;
    if (value.type === 'finish') finishReason = value.finishReason;
    if ('messageMetadata' in value && value.messageMetadata) Object.assign(metadata, value.messageMetadata);
  }
  if (errored) return { ending: 'typed_error', attempts };
  if (finishReason === undefined) return { ending: 'silently_cut', attempts };
  if (finishReason === 'interrupted' || metadata.interrupted) return { ending: 'interrupted', attempts };
  return { ending: metadata.continuedBy ? 'continued' : 'complete', attempts };
}

/** 30 % of every provider's chat calls faulted, six points each for five kinds, drawn with fixed seeds. */
function installFaultMix() {
  const kinds: Array<Omit<FaultSpec, 'provider'>> = [
    { kind: 'status', status: 429, retryAfterSeconds: 1 },
    { kind: 'status', status: 503 },
    { kind: 'stall', ms: 4000 },
    { kind: 'drop', afterChunks: 3 },
    { kind: 'error-frame', afterChunks: 3 },
  ];
  for (const provider of ['groq', 'openai'] as const) {
    let left = 1;
    kinds.forEach((fault, index) => {
      // Each fault draws from the calls the earlier ones let through: 0.06 of all calls each.
      emulator.faults.add({ provider, endpoint: 'chat', ...fault, fraction: 0.06 / left, seed: 100 + index + (provider === 'openai' ? 50 : 0) });
      left -= 0.06;
    });
  }
}

function figures(results: Result[]) {
  const count = (ending: Ending) => results.filter((result) => result.ending === ending).length;
  return {
    requests: results.length,
    complete: count('complete'),
    continued: count('continued'),
    interrupted: count('interrupted'),
    typedError: count('typed_error'),
    silentlyCut: count('silently_cut'),
    refusedUnattempted: results.filter((result) => result.ending === 'typed_error' && result.attempts.every((attempt) => attempt.outcome.startsWith('skipped'))).length,
    upstreamCalls: emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions')).length,
  };
}

describe('the chain under concurrency', () => {
  it('200 streams opened at once on a healthy emulator: none falls back, every one leaves one log record', { timeout: 120_000 }, async () => {
    const registry = createHealthRegistry();
    const results = await Promise.all(Array.from({ length: 200 }, (_, index) => ask(registry, index)));
    // One upstream call per request: no first-token deadline fired on a healthy model.
    expect(emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'))).toHaveLength(200);
    expect(results.filter((result) => result.ending !== 'complete')).toEqual([]);
    const fellBack = results.filter((result) => result.attempts.length !== 1 || result.attempts[0]?.outcome !== 'ok');
    expect(fellBack.map((result) => result.attempts.map((attempt) => `${attempt.modelId}:${attempt.outcome}:${Math.round(attempt.ms)}`))).toEqual([]);
    expect(records).toHaveLength(200);
  });

  it.each([50, 200])('%i concurrent streams with 30 percent of upstream calls faulted: at least 95 percent complete, none silently cut', { timeout: 180_000 }, async (concurrency) => {
    installFaultMix();
    const registry = createHealthRegistry();
    const results = await Promise.all(Array.from({ length: concurrency }, (_, index) => ask(registry, index)));
    const summary = figures(results);
    console.log(`[load] ${concurrency} concurrent, 30% faults:`, JSON.stringify(summary));
    for (const result of results.filter((each) => each.ending !== 'complete' && each.ending !== 'continued')) {
      console.log('[odd]', result.ending, result.code, result.attempts.map((attempt) => `${attempt.modelId}:${attempt.phase}:${attempt.outcome}:${attempt.openCause ?? ''}:${Math.round(attempt.ms)}`).join(' '));
    }

    expect(summary.silentlyCut).toBe(0);
    expect(summary.complete + summary.continued).toBeGreaterThanOrEqual(Math.ceil(concurrency * 0.95));
    // A refusal without any upstream call only while every candidate rests on a provider's retry-after.
    for (const result of results.filter((each) => each.attempts.every((attempt) => attempt.outcome.startsWith('skipped')))) {
      expect(result.attempts.every((attempt) => attempt.openCause === 'rate_limited')).toBe(true);
      expect(result.code).toBe('rate_limit:chat');
    }
    expect(records).toHaveLength(concurrency);
  });
});
