import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllModelsFailedError } from './all-models-failed-error';
import { continuationInstruction } from './continuation-prompt';
import { createFallbackModel, type FallbackModelOptions } from './fallback-model';
import { createFallbackTrace } from './fallback-trace';
import { createHealthRegistry } from '../health/health';
import { RequestRejectedError } from './request-rejected-error';
import {
  apiError,
  backup,
  candidate,
  prompt,
  quality,
  readAll,
  scriptedStream,
  speed,
  streamingModel,
  textOf,
  textParts,
  usage,
} from '../../../test/fallback-support';

function setup(models: MockLanguageModelV4[], overrides: Partial<FallbackModelOptions> = {}) {
  const entries = [speed, quality, backup];
  const health = overrides.health ?? createHealthRegistry({ logError: vi.fn() });
  const trace = createFallbackTrace();
  const model = createFallbackModel({
    candidates: models.map((mock, index) => candidate(entries[index]!, mock)),
    health,
    firstTokenTimeoutMs: 5000,
    totalTimeoutMs: 60_000,
    trace,
    ...overrides,
  });
  return { model, health, trace };
}

const outcomes = (trace: { attempts: Array<{ modelId: string; outcome: string }> }) =>
  trace.attempts.map((attempt) => `${attempt.modelId}:${attempt.outcome}`);

async function failure(promise: PromiseLike<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

// Three deltas of an answer, then the stream fails the way the given `end` says.
const partialAnswer = (end: { error: unknown } | 'close') =>
  scriptedStream(textParts(['Flint is ', 'a hard ', 'rock ']).slice(0, 6), end);

afterEach(() => vi.useRealTimers());

describe('fallback model: before the first token', () => {
  it('serves from the first candidate and reports the serving model in response-metadata', async () => {
    const first = streamingModel(scriptedStream(textParts(['Hello', ' there'])));
    const { model, trace } = setup([first, streamingModel(new Error('unused'))]);
    expect(model.specificationVersion).toBe('v4');
    expect(model.modelId).toBe('openai/gpt-oss-20b');

    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(textOf(parts)).toBe('Hello there');
    expect(parts.filter((part) => part.type === 'response-metadata')[0]).toEqual({ type: 'response-metadata', modelId: 'openai/gpt-oss-20b' });
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
    expect(trace.servedBy?.id).toBe('openai/gpt-oss-20b');
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:ok']);
    expect(trace.usage?.outputTokens.total).toBe(2);
  });

  it('a 429 with retry-after 30 goes to the next candidate at once and rests the model for exactly 30 s', async () => {
    vi.useFakeTimers();
    const limited = streamingModel(apiError(429, { headers: { 'retry-after': '30' } }));
    const next = streamingModel(scriptedStream(textParts(['From 120b'])));
    let clock = 0;
    const health = createHealthRegistry({ now: () => clock });
    const { model, trace } = setup([limited, next], { health });

    // No timer is advanced: if the chain slept on retry-after, this await would never settle.
    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(textOf(parts)).toBe('From 120b');
    expect(trace.attempts[0]).toMatchObject({ outcome: 'rate_limited', status: 429, retryAfterMs: 30_000 });
    expect(health.admit(speed)).toMatchObject({ admitted: false, reason: 'open', retryAfterMs: 30_000 });
    clock = 30_000;
    expect(health.admit(speed).admitted).toBe(true);
  });

  it('5xx on every Groq model: the OpenAI backup answers', async () => {
    const { model, trace } = setup([
      streamingModel(apiError(500)),
      streamingModel(apiError(503)),
      streamingModel(scriptedStream(textParts(['backup answer']))),
    ]);
    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(textOf(parts)).toBe('backup answer');
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:server_error', 'openai/gpt-oss-120b:server_error', 'gpt-4.1-mini:ok']);
    expect(trace.servedBy?.provider).toBe('openai');
  });

  it('a 400 surfaces as RequestRejectedError after exactly one upstream call', async () => {
    const first = streamingModel(apiError(400, { code: 'json_validate_failed' }));
    const second = streamingModel(scriptedStream(textParts(['never'])));
    const { model, trace } = setup([first, second]);
    const error = await failure(model.doStream({ prompt }));
    expect(RequestRejectedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request:chat', statusCode: 400, providerCode: 'json_validate_failed', retryable: false });
    expect(first.doStreamCalls).toHaveLength(1);
    expect(second.doStreamCalls).toHaveLength(0);
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:bad_request']);
  });

  it('404 and model_decommissioned go to the next candidate', async () => {
    const { model, trace } = setup([
      streamingModel(apiError(404, { code: 'model_not_found' })),
      streamingModel(apiError(400, { code: 'model_decommissioned' })),
      streamingModel(scriptedStream(textParts(['ok']))),
    ]);
    expect(textOf(await readAll((await model.doStream({ prompt })).stream))).toBe('ok');
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:not_found', 'openai/gpt-oss-120b:not_found', 'gpt-4.1-mini:ok']);
  });

  it('401 marks the provider misconfigured and skips its other models without calling them', async () => {
    const logError = vi.fn();
    const health = createHealthRegistry({ logError });
    const other = streamingModel(scriptedStream(textParts(['never'])));
    const { model, trace } = setup([streamingModel(apiError(401)), other, streamingModel(scriptedStream(textParts(['backup'])))], {
      health,
    });
    expect(textOf(await readAll((await model.doStream({ prompt })).stream))).toBe('backup');
    expect(other.doStreamCalls).toHaveLength(0);
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:auth', 'openai/gpt-oss-120b:skipped_misconfigured', 'gpt-4.1-mini:ok']);
    expect(logError).toHaveBeenCalledTimes(1);
    expect(health.snapshot().providers).toContainEqual(expect.objectContaining({ provider: 'groq', status: 'misconfigured' }));
  });

  it('skips a candidate whose breaker is open, without calling it', async () => {
    const health = createHealthRegistry();
    health.recordFailure(speed, { kind: 'rate_limited', retryAfterMs: 10_000 });
    const resting = streamingModel(scriptedStream(textParts(['never'])));
    const { model, trace } = setup([resting, streamingModel(scriptedStream(textParts(['ok'])))], { health });
    expect(textOf(await readAll((await model.doStream({ prompt })).stream))).toBe('ok');
    expect(resting.doStreamCalls).toHaveLength(0);
    expect(trace.attempts[0]).toMatchObject({ outcome: 'skipped_open', ms: 0 });
  });

  it('an error part or an empty stream before any output falls through invisibly', async () => {
    const errorPart: LanguageModelV4StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'text-start', id: 'a' },
      { type: 'error', error: apiError(500) },
    ];
    const { model, trace } = setup([
      streamingModel(scriptedStream(errorPart)),
      streamingModel(scriptedStream([{ type: 'stream-start', warnings: [] }])),
      streamingModel(scriptedStream(textParts(['clean'], { id: 'b' }))),
    ]);
    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(textOf(parts)).toBe('clean');
    expect(parts.filter((part) => part.type === 'text-start')).toEqual([{ type: 'text-start', id: 'b' }]);
    expect(parts.filter((part) => part.type === 'stream-start')).toHaveLength(1);
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:server_error', 'openai/gpt-oss-120b:connection', 'gpt-4.1-mini:ok']);
  });

  it('a stream with no first token by the deadline is aborted and the next candidate answers', async () => {
    vi.useFakeTimers();
    const stalled = streamingModel(scriptedStream([{ type: 'stream-start', warnings: [] }], 'hang'));
    const { model, trace } = setup([stalled, streamingModel(scriptedStream(textParts(['in time'])))], { firstTokenTimeoutMs: 2000 });

    const pending = model.doStream({ prompt });
    await vi.advanceTimersByTimeAsync(2000);
    const parts = await readAll((await pending).stream);
    expect(textOf(parts)).toBe('in time');
    expect(stalled.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    expect(trace.attempts[0]).toMatchObject({ modelId: 'openai/gpt-oss-20b', outcome: 'timeout' });
  });

  it('reasoning counts as the first token (a reasoning model is not dropped while it thinks)', async () => {
    vi.useFakeTimers();
    const thinking: LanguageModelV4StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'hmm' },
    ];
    const first = streamingModel(scriptedStream(thinking, 'hang'));
    const second = streamingModel(scriptedStream(textParts(['never'])));
    const { model } = setup([first, second], { firstTokenTimeoutMs: 2000, totalTimeoutMs: 600_000 });
    const result = await model.doStream({ prompt });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.doStreamCalls[0]?.abortSignal?.aborted).toBe(false);
    expect(second.doStreamCalls).toHaveLength(0);
    await result.stream.cancel();
  });

  it('a model that hangs before answering doStream is also cut off at the deadline', async () => {
    vi.useFakeTimers();
    const silent = new MockLanguageModelV4({ doStream: () => new Promise(() => {}) });
    const { model, trace } = setup([silent, streamingModel(scriptedStream(textParts(['ok'])))], { firstTokenTimeoutMs: 1000 });
    const pending = model.doStream({ prompt });
    await vi.advanceTimersByTimeAsync(1000);
    expect(textOf(await readAll((await pending).stream))).toBe('ok');
    expect(trace.attempts[0]?.outcome).toBe('timeout');
  });

  it('the caller aborting (Stop) aborts the upstream call and does not fall back', async () => {
    const caller = new AbortController();
    const stalled = streamingModel(scriptedStream([{ type: 'stream-start', warnings: [] }], 'hang'));
    const second = streamingModel(scriptedStream(textParts(['never'])));
    const { model, trace } = setup([stalled, second]);
    const pending = model.doStream({ prompt, abortSignal: caller.signal });
    await vi.waitFor(() => expect(stalled.doStreamCalls).toHaveLength(1));
    caller.abort(new DOMException('stopped by user', 'AbortError'));
    const error = await failure(pending);
    expect(error).toMatchObject({ name: 'AbortError', message: 'stopped by user' });
    expect(stalled.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    expect(second.doStreamCalls).toHaveLength(0);
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:aborted']);
  });

  it('every candidate failing throws AllModelsFailedError with the attempts', async () => {
    const { model } = setup([streamingModel(apiError(500)), streamingModel(apiError(502)), streamingModel(apiError(undefined))]);
    const error = await failure(model.doStream({ prompt }));
    expect(AllModelsFailedError.isInstance(error)).toBe(true);
    if (!AllModelsFailedError.isInstance(error)) return;
    expect(error.code).toBe('unavailable:chat');
    expect(error.retryable).toBe(true);
    // Two rounds: a model that failed only transiently gets one more call before the request gives up.
    expect(error.attempts.map((attempt) => attempt.outcome)).toEqual(['server_error', 'server_error', 'connection', 'server_error', 'server_error', 'connection']);
  });

  it('all rate limited: retryable, with the soonest retry time', async () => {
    const limited = (seconds: string) => streamingModel(apiError(429, { headers: { 'retry-after': seconds } }));
    // A still clock: the second round's skipped rows report the time left, which must not drift below 4 s.
    const health = createHealthRegistry({ now: () => 1_000_000, logError: vi.fn() });
    const { model } = setup([limited('30'), limited('4'), limited('12')], { health });
    const error = await failure(model.doStream({ prompt }));
    expect(error).toMatchObject({ code: 'rate_limit:chat', retryable: true, retryAfterMs: 4000 });
  });

  it('the total deadline ends the walk with AllModelsFailedError', async () => {
    vi.useFakeTimers();
    const hang = () => streamingModel(scriptedStream([{ type: 'stream-start', warnings: [] }], 'hang'));
    const { model, trace } = setup([hang(), hang(), hang()], { firstTokenTimeoutMs: 4000, totalTimeoutMs: 6000 });
    const pending = failure(model.doStream({ prompt }));
    await vi.advanceTimersByTimeAsync(6000);
    const error = await pending;
    expect(AllModelsFailedError.isInstance(error)).toBe(true);
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:timeout', 'openai/gpt-oss-120b:timeout']);
  });
});

describe('fallback model: after output reached the user', () => {
  it('an error after three text deltas is continued by the next model from the partial text, without repeats', async () => {
    const continuing = streamingModel(scriptedStream(textParts(['that sparks.'], { id: 'other-id', modelId: 'gpt-oss-120b' })));
    const { model, trace } = setup([streamingModel(partialAnswer({ error: apiError(503) })), continuing]);

    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(textOf(parts)).toBe('Flint is a hard rock that sparks.');
    // One text block, opened once and closed once.
    expect(parts.filter((part) => part.type === 'text-start')).toEqual([{ type: 'text-start', id: 'text-1' }]);
    expect(parts.filter((part) => part.type === 'text-end')).toEqual([{ type: 'text-end', id: 'text-1' }]);
    expect(parts.filter((part) => part.type === 'text-delta').every((part) => part.type === 'text-delta' && part.id === 'text-1')).toBe(true);
    expect(parts.filter((part) => part.type === 'stream-start')).toHaveLength(1);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });

    const continuationPrompt = continuing.doStreamCalls[0]?.prompt;
    expect(continuationPrompt?.slice(0, prompt.length)).toEqual(prompt);
    expect(continuationPrompt?.slice(prompt.length)).toEqual([
      { role: 'assistant', content: [{ type: 'text', text: 'Flint is a hard rock ' }] },
      { role: 'user', content: [{ type: 'text', text: continuationInstruction }] },
    ]);
    expect(trace.servedBy?.id).toBe('openai/gpt-oss-20b');
    expect(trace.continuedBy?.id).toBe('openai/gpt-oss-120b');
    expect(trace.interrupted).toBeUndefined();
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:interrupted', 'openai/gpt-oss-120b:ok']);
  });

  it('a dropped connection (the stream just throws) is continued the same way', async () => {
    const drop = new TypeError('terminated');
    const continuing = streamingModel(scriptedStream(textParts(['that sparks.'])));
    const { model, trace } = setup([streamingModel(partialAnswer({ error: drop })), continuing]);
    expect(textOf(await readAll((await model.doStream({ prompt })).stream))).toBe('Flint is a hard rock that sparks.');
    expect(trace.continuedBy?.id).toBe('openai/gpt-oss-120b');
  });

  it('a stream that closes without its finish part is not taken as complete', async () => {
    const continuing = streamingModel(scriptedStream(textParts(['that sparks.'])));
    const { model, trace } = setup([streamingModel(partialAnswer('close')), continuing]);
    expect(textOf(await readAll((await model.doStream({ prompt })).stream))).toBe('Flint is a hard rock that sparks.');
    expect(trace.continuedBy?.id).toBe('openai/gpt-oss-120b');
  });

  it('a continuation that fails before its first text falls through to the next candidate', async () => {
    const { model, trace } = setup([
      streamingModel(partialAnswer({ error: apiError(500) })),
      streamingModel(apiError(429)),
      streamingModel(scriptedStream(textParts(['that sparks.']))),
    ]);
    expect(textOf(await readAll((await model.doStream({ prompt })).stream))).toBe('Flint is a hard rock that sparks.');
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:interrupted', 'openai/gpt-oss-120b:rate_limited', 'gpt-4.1-mini:ok']);
    expect(trace.continuedBy?.id).toBe('gpt-4.1-mini');
  });

  it("a continuation's reasoning and tool calls are not forwarded; tools are switched off for it", async () => {
    const noisy: LanguageModelV4StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'thinking' },
      { type: 'reasoning-end', id: 'r' },
      ...textParts(['that sparks.']).slice(2),
    ];
    const continuing = streamingModel(scriptedStream(noisy));
    const { model } = setup([streamingModel(partialAnswer({ error: apiError(500) })), continuing]);
    const tools = [{ type: 'function' as const, name: 'lookup', inputSchema: { type: 'object' as const } }];
    const parts = await readAll((await model.doStream({ prompt, tools })).stream);
    expect(parts.some((part) => part.type.startsWith('reasoning'))).toBe(false);
    expect(continuing.doStreamCalls[0]?.toolChoice).toEqual({ type: 'none' });
  });

  it('a failure during reasoning (no text yet) lets the next model answer the original prompt, reasoning closed first', async () => {
    const thinking: LanguageModelV4StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'Let me think' },
    ];
    const next = streamingModel(scriptedStream(textParts(['Flint is quartz.'])));
    const { model } = setup([streamingModel(scriptedStream(thinking, { error: apiError(502) })), next]);
    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(next.doStreamCalls[0]?.prompt).toEqual(prompt);
    expect(textOf(parts)).toBe('Flint is quartz.');
    const types = parts.map((part) => part.type);
    expect(types.indexOf('reasoning-end')).toBeGreaterThan(types.indexOf('reasoning-delta'));
    expect(types.indexOf('reasoning-end')).toBeLessThan(types.indexOf('text-start'));
  });

  it('with no candidate left, the stream ends with finish reason "interrupted" and trace.interrupted', async () => {
    const { model, trace } = setup([streamingModel(partialAnswer({ error: apiError(500) }))]);
    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(textOf(parts)).toBe('Flint is a hard rock ');
    expect(parts.at(-2)).toEqual({ type: 'text-end', id: 'text-1' });
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'interrupted' } });
    expect(trace.interrupted).toBe(true);
  });

  it('after a tool call was forwarded, a failure is reported as interrupted instead of continued', async () => {
    const toolThenDrop: LanguageModelV4StreamPart[] = [
      { type: 'stream-start', warnings: [] },
      { type: 'tool-call', toolCallId: 'call-1', toolName: 'lookup', input: '{}' },
    ];
    const never = streamingModel(scriptedStream(textParts(['never'])));
    const { model, trace } = setup([streamingModel(scriptedStream(toolThenDrop, { error: apiError(500) })), never]);
    const parts = await readAll((await model.doStream({ prompt })).stream);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'interrupted' } });
    expect(never.doStreamCalls).toHaveLength(0);
    expect(trace.interrupted).toBe(true);
  });

  it('the caller aborting mid-stream stops the upstream and does not continue elsewhere', async () => {
    const caller = new AbortController();
    const first = streamingModel(scriptedStream(textParts(['Flint ', 'is']).slice(0, 4), 'hang'));
    const second = streamingModel(scriptedStream(textParts(['never'])));
    const { model, trace } = setup([first, second]);
    const reader = (await model.doStream({ prompt, abortSignal: caller.signal })).stream.getReader();
    // Read up to the first text, so the user has seen output before pressing Stop.
    while ((await reader.read()).value?.type !== 'text-delta');
    const next = reader.read();
    caller.abort(new DOMException('stopped by user', 'AbortError'));
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    expect(first.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    expect(second.doStreamCalls).toHaveLength(0);
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:aborted']);
  });

  it('cancelling while a continuation is opening aborts the continuation too', async () => {
    const first = streamingModel(partialAnswer({ error: apiError(500) }));
    const stalledContinuation = streamingModel(scriptedStream([{ type: 'stream-start', warnings: [] }], 'hang'));
    const { model, trace } = setup([first, stalledContinuation]);
    const reader = (await model.doStream({ prompt })).stream.getReader();
    while ((await reader.read()).value?.type !== 'text-delta');
    const pendingRead = reader.read().then(async function drain(result): Promise<unknown> {
      return result.done ? result : reader.read().then(drain);
    });
    await vi.waitFor(() => expect(stalledContinuation.doStreamCalls).toHaveLength(1));
    await reader.cancel('user left');
    await pendingRead;
    expect(stalledContinuation.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    await vi.waitFor(() => expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:interrupted', 'openai/gpt-oss-120b:aborted']));
  });

  it('cancelling the returned stream aborts the upstream call', async () => {
    const first = streamingModel(scriptedStream(textParts(['Flint ']).slice(0, 4), 'hang'));
    const { model, trace } = setup([first]);
    const { stream } = await model.doStream({ prompt });
    await stream.cancel();
    expect(first.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:aborted']);
  });
});

describe('fallback model: requests are independent', () => {
  it("one request's 429 does not move a concurrent request off the model, except through the shared breaker", async () => {
    const health = createHealthRegistry();
    let calls = 0;
    const sharedSmall = new MockLanguageModelV4({
      doStream: async () => {
        calls += 1;
        if (calls === 1) throw apiError(429);
        return { stream: scriptedStream(textParts(['small answers'])) };
      },
    });
    const sharedLarge = new MockLanguageModelV4({ doStream: async () => ({ stream: scriptedStream(textParts(['large answers'])) }) });
    const first = setup([sharedSmall, sharedLarge], { health });
    const second = setup([sharedSmall, sharedLarge], { health });

    const [firstResult, secondResult] = await Promise.all([first.model.doStream({ prompt }), second.model.doStream({ prompt })]);
    expect(textOf(await readAll(firstResult.stream))).toBe('large answers');
    expect(textOf(await readAll(secondResult.stream))).toBe('small answers');
    expect(first.trace.servedBy?.id).toBe('openai/gpt-oss-120b');
    expect(second.trace.servedBy?.id).toBe('openai/gpt-oss-20b');

    // Now the shared breaker opens (retry-after), and only through it do later requests move.
    health.recordFailure(speed, { kind: 'rate_limited', retryAfterMs: 10_000 });
    const third = setup([sharedSmall, sharedLarge], { health });
    expect(textOf(await readAll((await third.model.doStream({ prompt })).stream))).toBe('large answers');
  });
});

describe('fallback model: doGenerate', () => {
  const generated = (text: string) => ({
    content: [{ type: 'text' as const, text }],
    finishReason: { unified: 'stop' as const, raw: 'stop' },
    usage: usage(5, 3),
    warnings: [],
  });
  const generating = (result: ReturnType<typeof generated> | Error) =>
    new MockLanguageModelV4({
      doGenerate: async () => {
        if (result instanceof Error) throw result;
        return result;
      },
    });

  it('falls back on 429 and 5xx and reports the serving model', async () => {
    const { model, trace } = setup([generating(apiError(429)), generating(apiError(500)), generating(generated('backup'))]);
    const result = await model.doGenerate({ prompt });
    expect(result.content).toEqual([{ type: 'text', text: 'backup' }]);
    expect(result.response?.modelId).toBe('gpt-4.1-mini');
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:rate_limited', 'openai/gpt-oss-120b:server_error', 'gpt-4.1-mini:ok']);
  });

  it('a 400 is thrown after one call', async () => {
    const second = generating(generated('never'));
    const first = generating(apiError(400));
    const { model } = setup([first, second]);
    expect(RequestRejectedError.isInstance(await failure(model.doGenerate({ prompt })))).toBe(true);
    expect(first.doGenerateCalls).toHaveLength(1);
    expect(second.doGenerateCalls).toHaveLength(0);
  });

  it('all failing throws AllModelsFailedError', async () => {
    const { model } = setup([generating(apiError(500)), generating(apiError(401))]);
    const error = await failure(model.doGenerate({ prompt }));
    expect(AllModelsFailedError.isInstance(error)).toBe(true);
  });

  it('the caller aborting stops the call without fallback', async () => {
    const caller = new AbortController();
    const hanging = new MockLanguageModelV4({ doGenerate: () => new Promise(() => {}) });
    const second = generating(generated('never'));
    const { model } = setup([hanging, second]);
    const pending = failure(model.doGenerate({ prompt, abortSignal: caller.signal }));
    caller.abort(new DOMException('stopped', 'AbortError'));
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(second.doGenerateCalls).toHaveLength(0);
  });
});
