import type { MockLanguageModelV4 } from 'ai/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFallbackModel } from './fallback-model';
import { createFallbackTrace } from './fallback-trace';
import { createHealthRegistry } from '../health/health';
import { apiError, backup, candidate, prompt, quality, readAll, scriptedStream, speed, streamingModel, textOf, textParts } from '../../../test/fallback-support';

afterEach(() => vi.useRealTimers());

function setup(models: MockLanguageModelV4[]) {
  const entries = [speed, quality, backup];
  const trace = createFallbackTrace();
  const health = createHealthRegistry({ logError: vi.fn() });
  const model = createFallbackModel({
    candidates: models.map((mock, index) => candidate(entries[index]!, mock)),
    health,
    firstTokenTimeoutMs: 5000,
    totalTimeoutMs: 60_000,
    trace,
  });
  return { model, trace, health };
}

const outcomes = (trace: { attempts: Array<{ modelId: string; outcome: string }> }) => trace.attempts.map((attempt) => `${attempt.modelId}:${attempt.outcome}`);

describe('fallback model: a second round and short rate-limit waits', () => {
  it('a model that failed only transiently is called once more after the others failed too', async () => {
    const { model, trace } = setup([streamingModel(apiError(503), scriptedStream(textParts(['second time lucky']))), streamingModel(apiError(502))]);
    const result = await model.doStream({ prompt });
    expect(textOf(await readAll(result.stream))).toBe('second time lucky');
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:server_error', 'openai/gpt-oss-120b:server_error', 'openai/gpt-oss-20b:ok']);
  });

  it('a model that found the request unprocessable (422) or too large (413) is not called again', async () => {
    const unprocessable = streamingModel(apiError(422), scriptedStream(textParts(['never'])));
    const tooLarge = streamingModel(apiError(413), scriptedStream(textParts(['never'])));
    const { model } = setup([unprocessable, tooLarge]);
    await expect(model.doStream({ prompt })).rejects.toMatchObject({ code: 'unavailable:chat' });
    expect([unprocessable.doStreamCalls.length, tooLarge.doStreamCalls.length]).toEqual([1, 1]);
  });

  it('when every model rests on a short retry-after, the request waits it out instead of refusing', async () => {
    vi.useFakeTimers();
    const limited = (seconds: string, then: string) =>
      streamingModel(apiError(429, { headers: { 'retry-after': seconds } }), scriptedStream(textParts([then])));
    const { model, trace } = setup([limited('2', 'from 20b'), limited('1', 'from 120b')]);
    const pending = model.doStream({ prompt });
    await vi.advanceTimersByTimeAsync(1000);
    const result = await pending;
    expect(textOf(await readAll(result.stream))).toBe('from 120b');
    expect(outcomes(trace)).toEqual([
      'openai/gpt-oss-20b:rate_limited',
      'openai/gpt-oss-120b:rate_limited',
      // the second round finds both resting; after the soonest retry-after (1 s) the walk resumes
      'openai/gpt-oss-20b:skipped_open',
      'openai/gpt-oss-120b:skipped_open',
      'openai/gpt-oss-20b:skipped_open',
      'openai/gpt-oss-120b:ok',
    ]);
  });

  it('a long retry-after is not waited for: rate_limit:chat at once, with the wait', async () => {
    const limited = streamingModel(apiError(429, { headers: { 'retry-after': '30' } }));
    const { model } = setup([limited, streamingModel(apiError(429, { headers: { 'retry-after': '20' } }))]);
    await expect(model.doStream({ prompt })).rejects.toMatchObject({ code: 'rate_limit:chat', retryAfterMs: 20_000 });
  });
});

describe("fallback model: Groq's tool_use_failed", () => {
  const brokenCall = () => apiError(400, { code: 'tool_use_failed' });

  it('is retried once on the next model, which answers, and leaves the first model healthy', async () => {
    const { model, trace, health } = setup([streamingModel(brokenCall()), streamingModel(scriptedStream(textParts(['called it right'])))]);
    const result = await model.doStream({ prompt });
    expect(textOf(await readAll(result.stream))).toBe('called it right');
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:tool_call_failed', 'openai/gpt-oss-120b:ok']);
    expect(health.snapshot().models.find((row) => row.modelId === 'openai/gpt-oss-20b')?.state).toBe('closed');
  });

  it('a second broken call in the same step ends it as the provider rejection, without trying a third model', async () => {
    const third = streamingModel(scriptedStream(textParts(['never'])));
    const { model, trace } = setup([streamingModel(brokenCall()), streamingModel(brokenCall()), third]);
    await expect(model.doStream({ prompt })).rejects.toMatchObject({ name: 'RequestRejectedError', providerCode: 'tool_use_failed' });
    expect(outcomes(trace)).toEqual(['openai/gpt-oss-20b:tool_call_failed', 'openai/gpt-oss-120b:tool_call_failed']);
    expect(third.doStreamCalls).toHaveLength(0);
  });
});
