import { describe, expect, it } from 'vitest';
import { FlintError, toFlintError } from '@/lib/errors';
import { AllModelsFailedError } from './all-models-failed-error';
import type { FallbackAttempt } from './fallback-trace';

const attempt = (outcome: FallbackAttempt['outcome'], retryAfterMs?: number, openCause?: FallbackAttempt['openCause']): FallbackAttempt => ({
  modelId: 'm',
  provider: 'groq',
  label: 'm',
  outcome,
  ms: 1,
  phase: 'answer',
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  ...(openCause === undefined ? {} : { openCause }),
});

describe('AllModelsFailedError', () => {
  it('is a FlintError the routes can render, recognised by isInstance', () => {
    const error = new AllModelsFailedError([attempt('server_error')]);
    expect(AllModelsFailedError.isInstance(error)).toBe(true);
    expect(FlintError.isInstance(error)).toBe(true);
    expect(toFlintError(error)).toBe(error);
    expect(AllModelsFailedError.isInstance(new FlintError('unavailable:chat'))).toBe(false);
    expect(error.toBody()).toEqual({ error: { code: 'unavailable:chat', message: expect.any(String), retryable: true } });
  });

  it('says rate_limit with the soonest retry when every model is limited or resting on a retry-after', () => {
    const error = new AllModelsFailedError([attempt('rate_limited', 9000), attempt('skipped_open', 2000, 'rate_limited'), attempt('rate_limited')]);
    expect(error).toMatchObject({ code: 'rate_limit:chat', retryable: true, retryAfterMs: 2000 });
  });

  it('says unavailable (503, no retry-after) when a breaker opened on failures, not on a rate limit', () => {
    const error = new AllModelsFailedError([attempt('rate_limited', 9000), attempt('skipped_open', 2000, 'failures')]);
    expect(error).toMatchObject({ code: 'unavailable:chat', retryable: true, retryAfterMs: undefined });
    expect(new AllModelsFailedError([attempt('timeout'), attempt('skipped_open', 500, 'failures')]).code).toBe('unavailable:chat');
  });

  it('says not_configured when every provider rejected its key', () => {
    expect(new AllModelsFailedError([attempt('auth'), attempt('skipped_misconfigured')])).toMatchObject({
      code: 'not_configured:chat',
      retryable: false,
    });
  });

  it('says context_too_long when every model found the request too large', () => {
    expect(new AllModelsFailedError([attempt('too_large'), attempt('too_large')]).code).toBe('context_too_long:chat');
  });
});
