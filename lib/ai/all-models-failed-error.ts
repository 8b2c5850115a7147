import { FlintError, type ErrorCode } from '@/lib/errors';
import type { FallbackAttempt } from './fallback-trace';

const waiting = new Set(['rate_limited', 'skipped_open']);

/** Every candidate failed or was skipped; carries the attempts and whether retrying later can help. */
export class AllModelsFailedError extends FlintError {
  readonly attempts: FallbackAttempt[];
  /** When every candidate was rate limited or resting, how long until the soonest may answer. */
  readonly retryAfterMs: number | undefined;
  private readonly allModelsFailedMarker = 'flint.all-models-failed';

  constructor(attempts: FallbackAttempt[]) {
    const { code, retryable, retryAfterMs } = summarize(attempts);
    super(code, { retryable });
    this.name = 'AllModelsFailedError';
    this.attempts = attempts;
    this.retryAfterMs = retryAfterMs;
  }

  static override isInstance(error: unknown): error is AllModelsFailedError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { allModelsFailedMarker?: unknown }).allModelsFailedMarker === 'flint.all-models-failed'
    );
  }
}

function summarize(attempts: FallbackAttempt[]): { code: ErrorCode; retryable: boolean; retryAfterMs?: number } {
  const every = (test: (attempt: FallbackAttempt) => boolean) => attempts.length > 0 && attempts.every(test);
  if (every((attempt) => attempt.outcome === 'auth' || attempt.outcome === 'skipped_misconfigured')) {
    return { code: 'not_configured:chat', retryable: false };
  }
  if (every((attempt) => attempt.outcome === 'too_large')) return { code: 'context_too_long:chat', retryable: false };
  if (every((attempt) => waiting.has(attempt.outcome))) {
    const waits = attempts.map((attempt) => attempt.retryAfterMs).filter((wait) => wait !== undefined);
    return { code: 'rate_limit:chat', retryable: true, ...(waits.length > 0 ? { retryAfterMs: Math.min(...waits) } : {}) };
  }
  return { code: 'unavailable:chat', retryable: true };
}
