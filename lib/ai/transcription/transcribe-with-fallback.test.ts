import type { TranscriptionModelV4CallOptions, TranscriptionModelV4Result } from '@ai-sdk/provider';
import { MockTranscriptionModelV4 } from 'ai/test';
import { describe, expect, it, vi } from 'vitest';
import { createHealthRegistry } from '../health/health';
import { apiError, entry } from '../../../test/fallback-support';
import { transcribeWithFallback, type TranscriptionCandidate } from './transcribe-with-fallback';
import { TranscriptionError } from './transcription-error';

const turbo = entry('whisper-large-v3-turbo');
const large = entry('whisper-large-v3');
const backup = entry('whisper-1');
const audio = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 0, 0, 0, 0]);

function transcript(text: string): TranscriptionModelV4Result {
  return { text, segments: [], language: 'en', durationInSeconds: 2.5, warnings: [], response: { timestamp: new Date(0), modelId: 'mock' } };
}

/** A mock model that records its calls (the SDK's mock does not). */
class RecordingModel extends MockTranscriptionModelV4 {
  readonly calls: TranscriptionModelV4CallOptions[] = [];
}

/** A mock whose successive calls answer with the given text or throw the given error. */
function model(...results: Array<string | Error>) {
  const mock: RecordingModel = new RecordingModel({
    doGenerate: async (options) => {
      const result = results[Math.min(mock.calls.length, results.length - 1)];
      mock.calls.push(options);
      if (result instanceof Error) throw result;
      return transcript(result ?? '');
    },
  });
  return mock;
}

function setup(...models: MockTranscriptionModelV4[]) {
  const health = createHealthRegistry({ logError: vi.fn() });
  const candidates: TranscriptionCandidate[] = models.map((mock, index) => ({ entry: [turbo, large, backup][index]!, model: mock }));
  return { health, run: (signal?: AbortSignal) => transcribeWithFallback({ candidates, health, audio, ...(signal ? { abortSignal: signal } : {}) }) };
}

async function failure(promise: Promise<unknown>): Promise<TranscriptionError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!TranscriptionError.isInstance(error)) throw new Error(`expected a TranscriptionError, got ${String(error)}`);
  return error;
}

describe('transcribeWithFallback', () => {
  it('answers from the first model, trimmed, asking Groq for verbose_json with the language', async () => {
    const first = model(' Hello there. ');
    const { run } = setup(first, model('unused'));
    const outcome = await transcribeWithFallback({ candidates: [{ entry: turbo, model: first }], health: createHealthRegistry(), audio, language: 'fr' });
    expect(outcome.text).toBe('Hello there.');
    expect(outcome.servedBy.id).toBe('whisper-large-v3-turbo');
    expect(outcome.durationSeconds).toBe(2.5);
    expect(first.calls[0]?.providerOptions).toEqual({ groq: { responseFormat: 'verbose_json', language: 'fr' }, openai: { language: 'fr' } });
    expect((await run()).attempts.map((attempt) => attempt.outcome)).toEqual(['ok']);
  });

  it('moves on at once from a 429 to the next model and opens the breaker for the retry-after', async () => {
    const { run, health } = setup(model(apiError(429, { headers: { 'retry-after': '30' } })), model('From the accurate model.'));
    const outcome = await run();
    expect(outcome.text).toBe('From the accurate model.');
    expect(outcome.servedBy.id).toBe('whisper-large-v3');
    expect(outcome.attempts.map((attempt) => [attempt.modelId, attempt.outcome])).toEqual([
      ['whisper-large-v3-turbo', 'rate_limited'],
      ['whisper-large-v3', 'ok'],
    ]);
    expect(health.admit(turbo)).toMatchObject({ admitted: false, reason: 'open' });
  });

  it('skips a model whose breaker is open without calling it', async () => {
    const skipped = model('never');
    const { run, health } = setup(skipped, model('second'));
    health.recordFailure(turbo, { kind: 'rate_limited', retryAfterMs: 60_000 });
    const outcome = await run();
    expect(skipped.calls).toHaveLength(0);
    expect(outcome.attempts[0]).toMatchObject({ outcome: 'skipped_open' });
  });

  it('falls back across providers on server errors and connection failures', async () => {
    const { run } = setup(model(apiError(503)), model(new TypeError('fetch failed')), model('OpenAI heard you.'));
    const outcome = await run();
    expect(outcome.servedBy.provider).toBe('openai');
    expect(outcome.attempts.map((attempt) => attempt.outcome)).toEqual(['server_error', 'connection', 'ok']);
  });

  it('does not fall back on a 400: the audio itself is wrong', async () => {
    const next = model('never');
    const { run, health } = setup(model(apiError(400)), next);
    const error = await failure(run());
    expect(error.code).toBe('invalid_audio:transcribe');
    expect(error.status).toBe(422);
    expect(error.retryable).toBe(false);
    expect(next.calls).toHaveLength(0);
    expect(health.admit(turbo)).toMatchObject({ admitted: true, probe: false });
  });

  it('throws a retryable unavailable:transcribe (503) when every model is down', async () => {
    const { run } = setup(model(apiError(500)), model(apiError(502)), model(apiError(503)));
    const error = await failure(run());
    expect(error.code).toBe('unavailable:transcribe');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.attempts).toHaveLength(3);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('says rate_limit:transcribe (429, as chat does) with the soonest retry-after when every model is rate limited', async () => {
    const { run } = setup(
      model(apiError(429, { headers: { 'retry-after': '20' } })),
      model(apiError(429, { headers: { 'retry-after': '5' } })),
      model(apiError(429, { headers: { 'retry-after-ms': '9000' } })),
    );
    const error = await failure(run());
    expect(error.code).toBe('rate_limit:transcribe');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(5000);
  });

  it('says not configured when every provider rejects its key', async () => {
    const { run, health } = setup(model(apiError(401)), model(apiError(401)), model(apiError(403)));
    const error = await failure(run());
    expect(error.code).toBe('not_configured:transcribe');
    expect(health.isMisconfigured('groq')).toBe(true);
  });

  it('stops when the caller aborts and does not count it against the model', async () => {
    const controller = new AbortController();
    const hanging = new MockTranscriptionModelV4({
      doGenerate: ({ abortSignal }) =>
        new Promise((_resolve, reject) => {
          abortSignal?.addEventListener('abort', () => reject(abortSignal.reason));
          controller.abort(new Error('user left'));
        }),
    });
    const next = model('never');
    const { run, health } = setup(hanging, next);
    await expect(run(controller.signal)).rejects.toThrow('user left');
    expect(next.calls).toHaveLength(0);
    expect(health.snapshot().models.find((row) => row.modelId === turbo.id)?.consecutiveFailures).toBe(0);
  });
});
