import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it, vi } from 'vitest';
import { FlintError } from '@/lib/errors';
import { createFallbackModel } from './fallback-model';
import { createFallbackTrace, type FallbackAttempt } from './fallback-trace';
import { createHealthRegistry, type HealthRegistry } from '../health/health';
import { backup, candidate, prompt, quality, readAll, scriptedStream, speed, streamingModel, textOf, textParts } from '../../../test/fallback-support';

function setup(models: MockLanguageModelV4[], health: HealthRegistry = createHealthRegistry({ logError: vi.fn() })) {
  const entries = [speed, quality, backup];
  const trace = createFallbackTrace();
  const seen: FallbackAttempt[] = [];
  const model = createFallbackModel({
    candidates: models.map((mock, index) => candidate(entries[index]!, mock)),
    health,
    firstTokenTimeoutMs: 5000,
    totalTimeoutMs: 60_000,
    trace,
    onAttempt: (attempt) => seen.push(attempt),
  });
  return { model, health, trace, seen };
}

async function failure(promise: PromiseLike<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const unhealthy = (health: HealthRegistry) => health.snapshot().models.filter((row) => row.state !== 'closed' || (row.recentFailures ?? 0) > 0);

describe('fallback model: errors raised in our own process', () => {
  it('a RangeError before any upstream call is the request\'s fault: 400, no fallback, no health effect, even three times over', async () => {
    const health = createHealthRegistry({ logError: vi.fn() });
    for (let request = 0; request < 3; request += 1) {
      const overflow = new MockLanguageModelV4({
        doStream: async () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      });
      const second = streamingModel(scriptedStream(textParts(['never'])));
      const { model } = setup([overflow, second], health);
      const error = await failure(model.doStream({ prompt }));
      expect(FlintError.isInstance(error) && error.code).toBe('bad_request:api');
      expect(second.doStreamCalls).toHaveLength(0);
    }
    expect(unhealthy(health)).toEqual([]);
    expect(health.admit(speed)).toEqual({ admitted: true, probe: false });
  });

  it('AI_MissingToolResultsError is a 400 too', async () => {
    const missing = Object.assign(new Error('Tool result is missing for tool call call-1.'), { name: 'AI_MissingToolResultsError' });
    const { model, health } = setup([new MockLanguageModelV4({ doStream: async () => { throw missing; } })]);
    const error = await failure(model.doStream({ prompt }));
    expect(FlintError.isInstance(error) && [error.code, error.status]).toEqual(['bad_request:api', 400]);
    expect(unhealthy(health)).toEqual([]);
  });

  it('any other local error is our bug: internal:api (500), no fallback, no health effect', async () => {
    const bug = new MockLanguageModelV4({
      doStream: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'parts')");
      },
    });
    const second = streamingModel(scriptedStream(textParts(['never'])));
    const { model, health, trace } = setup([bug, second]);
    const error = await failure(model.doStream({ prompt }));
    expect(FlintError.isInstance(error) && [error.code, error.status]).toEqual(['internal:api', 500]);
    expect(second.doStreamCalls).toHaveLength(0);
    expect(trace.attempts.map((attempt) => attempt.outcome)).toEqual(['internal']);
    expect(unhealthy(health)).toEqual([]);
  });

  it('an error frame whose payload is a plain object is still the provider\'s failure: it falls through and counts', async () => {
    const frame = scriptedStream([{ type: 'stream-start', warnings: [] }, { type: 'error', error: { message: 'overloaded', type: 'internal_server_error' } }]);
    const { model, health, seen } = setup([streamingModel(frame), streamingModel(scriptedStream(textParts(['from the next'])))]);
    const result = await model.doStream({ prompt });
    expect(textOf(await readAll(result.stream))).toBe('from the next');
    expect(seen.map((attempt) => attempt.outcome)).toEqual(['connection', 'ok']);
    expect(health.snapshot().models.find((row) => row.modelId === speed.id)?.recentFailures).toBe(1);
  });
});
