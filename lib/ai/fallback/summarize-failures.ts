import type { ErrorCode } from '@/lib/errors';
import type { AttemptOutcome } from './fallback-trace';
import type { FailureSurface } from './failure-policy';

/** What an attempt row says for the summary: its outcome, and for a skipped model why its breaker is open. */
export interface SummarizedAttempt {
  outcome: AttemptOutcome;
  retryAfterMs?: number;
  /** For `skipped_open`: what opened the breaker (`rate_limited` only when a provider asked us to wait). */
  openCause?: 'rate_limited' | 'failures' | 'unavailable';
}

/** How a request ends when every candidate failed or was skipped. */
export interface FailureSummary {
  code: ErrorCode;
  retryable: boolean;
  /** Set only for a rate limit: how long until the soonest candidate may answer. */
  retryAfterMs?: number;
}

const codes = {
  chat: { notConfigured: 'not_configured:chat', rateLimit: 'rate_limit:chat', unavailable: 'unavailable:chat' },
  transcribe: { notConfigured: 'not_configured:transcribe', rateLimit: 'rate_limit:transcribe', unavailable: 'unavailable:transcribe' },
} as const satisfies Record<FailureSurface, Record<string, ErrorCode>>;

/**
 * The "every model failed" verdict, shared by chat and transcription: 429 with a retry-after only
 * when every candidate was rate limited by its provider (or rests on a provider's retry-after);
 * 503 when anything else (5xx, timeouts, breakers opened by failures) is in the mix.
 */
export function summarizeFailures(attempts: readonly SummarizedAttempt[], surface: FailureSurface): FailureSummary {
  const every = (test: (attempt: SummarizedAttempt) => boolean) => attempts.length > 0 && attempts.every(test);
  if (every((attempt) => attempt.outcome === 'auth' || attempt.outcome === 'skipped_misconfigured')) {
    return { code: codes[surface].notConfigured, retryable: false };
  }
  if (surface === 'chat' && every((attempt) => attempt.outcome === 'too_large')) return { code: 'context_too_long:chat', retryable: false };
  const rateLimited = (attempt: SummarizedAttempt) =>
    attempt.outcome === 'rate_limited' || attempt.outcome === 'skipped_budget' || (attempt.outcome === 'skipped_open' && attempt.openCause === 'rate_limited');
  if (every(rateLimited)) {
    const waits = attempts.map((attempt) => attempt.retryAfterMs).filter((wait) => wait !== undefined);
    return { code: codes[surface].rateLimit, retryable: true, ...(waits.length > 0 ? { retryAfterMs: Math.min(...waits) } : {}) };
  }
  return { code: codes[surface].unavailable, retryable: true };
}
