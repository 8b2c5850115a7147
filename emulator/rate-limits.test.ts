import { describe, expect, it } from 'vitest';
import { defaultModels } from './models.ts';
import { createRateLimits } from './rate-limits.ts';

const model = defaultModels.find((candidate) => candidate.id === 'openai/gpt-oss-20b')!;

describe('createRateLimits', () => {
  it('lowers remaining values as requests are charged and recovers them over time', () => {
    let clock = 0;
    const limits = createRateLimits(() => clock);
    limits.charge('groq', model, 1000);
    limits.charge('groq', model, 1000);
    const after = limits.headers('groq', model);
    expect(Number(after['x-ratelimit-remaining-requests'])).toBe(model.limits.requests - 2);
    expect(Number(after['x-ratelimit-remaining-tokens'])).toBe(model.limits.tokens - 2000);
    clock += 60_000;
    expect(Number(limits.headers('groq', model)['x-ratelimit-remaining-tokens'])).toBe(model.limits.tokens);
  });

  it('reports a Go-duration reset and zero remaining for an exhausted window', () => {
    const headers = createRateLimits().headers('groq', model, { type: 'tokens', retryAfterMs: 4200 });
    expect(headers['x-ratelimit-remaining-tokens']).toBe('0');
    expect(headers['x-ratelimit-reset-tokens']).toBe('4.2s');
  });
});
