import { generateText, streamText } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it, vi } from 'vitest';
import { AllModelsFailedError } from './all-models-failed-error';
import { createFallbackModel } from './fallback-model';
import { createFallbackTrace } from './fallback-trace';
import { createHealthRegistry } from '../health/health';
import { apiError, backup, candidate, quality, scriptedStream, speed, streamingModel, textParts, usage } from '../../../test/fallback-support';

// The same chain, driven through the real AI SDK entry points (retries off: they live in the chain).
function chain(models: MockLanguageModelV4[]) {
  const entries = [speed, quality, backup];
  const trace = createFallbackTrace();
  const model = createFallbackModel({
    candidates: models.map((mock, index) => candidate(entries[index]!, mock)),
    health: createHealthRegistry({ logError: vi.fn() }),
    firstTokenTimeoutMs: 5000,
    totalTimeoutMs: 60_000,
    trace,
  });
  return { model, trace };
}

describe('fallback model inside the AI SDK', () => {
  it('streamText: a 429 falls back and the serving model is reported', async () => {
    const { model, trace } = chain([
      streamingModel(apiError(429, { headers: { 'retry-after': '30' } })),
      streamingModel(scriptedStream(textParts(['Hello ', 'from 120b'], { modelId: 'openai/gpt-oss-120b' }))),
    ]);
    const result = streamText({ model, prompt: 'Hi', maxRetries: 0 });
    expect(await result.text).toBe('Hello from 120b');
    expect((await result.response).modelId).toBe('openai/gpt-oss-120b');
    expect(trace.servedBy?.id).toBe('openai/gpt-oss-120b');
  });

  it('streamText: a mid-stream failure arrives as one continued answer', async () => {
    const first = streamingModel(scriptedStream(textParts(['Flint is ', 'a hard ', 'rock ']).slice(0, 6), { error: new TypeError('terminated') }));
    const second = streamingModel(scriptedStream(textParts(['that sparks.'], { id: 'another' })));
    const { model, trace } = chain([first, second]);
    const result = streamText({ model, prompt: 'What is flint?', maxRetries: 0 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('Flint is a hard rock that sparks.');
    expect(await result.text).toBe('Flint is a hard rock that sparks.');
    expect(await result.finishReason).toBe('stop');
    expect(trace.continuedBy?.id).toBe('openai/gpt-oss-120b');
  });

  it('streamText: with nobody left to continue, the finish reason is "interrupted"', async () => {
    const first = streamingModel(scriptedStream(textParts(['Flint is ', 'a hard ']).slice(0, 5), { error: apiError(500) }));
    const { model, trace } = chain([first]);
    const result = streamText({ model, prompt: 'What is flint?', maxRetries: 0 });
    expect(await result.text).toBe('Flint is a hard ');
    expect(await result.finishReason).toBe('interrupted');
    expect(trace.interrupted).toBe(true);
  });

  it('streamText: when every model fails, the error is AllModelsFailedError (no invented text)', async () => {
    const { model } = chain([streamingModel(apiError(500)), streamingModel(apiError(503))]);
    const errors: unknown[] = [];
    const result = streamText({ model, prompt: 'Hi', maxRetries: 0, onError: ({ error }) => void errors.push(error) });
    expect(await Promise.resolve(result.text).catch(() => '')).toBe('');
    expect(errors.some((error) => AllModelsFailedError.isInstance(error))).toBe(true);
  });

  it('generateText: falls back and returns the backup answer', async () => {
    const failing = new MockLanguageModelV4({
      doGenerate: async () => {
        throw apiError(503);
      },
    });
    const answering = new MockLanguageModelV4({
      doGenerate: {
        content: [{ type: 'text', text: 'generated' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: usage(4, 1),
        warnings: [],
      },
    });
    const { model, trace } = chain([failing, answering]);
    const result = await generateText({ model, prompt: 'Hi', maxRetries: 0 });
    expect(result.text).toBe('generated');
    expect(result.response.modelId).toBe('openai/gpt-oss-120b');
    expect(trace.attempts.map((attempt) => attempt.outcome)).toEqual(['server_error', 'ok']);
  });
});
