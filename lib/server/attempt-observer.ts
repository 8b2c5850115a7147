import type { Logger } from 'pino';
import type { FallbackAttempt } from '@/lib/ai/fallback/fallback-trace';
import type { AttemptSummary } from '@/lib/observability/observe-request';
import { recordAttempt, recordFallback } from '@/lib/observability/record';

/** An attempt row as the chat chain and the Whisper chain both record it. */
export type ObservedAttempt = Pick<FallbackAttempt, 'modelId' | 'provider' | 'outcome' | 'ms'>
  & Partial<Pick<FallbackAttempt, 'phase' | 'status' | 'retryAfterMs' | 'providerCode' | 'openCause' | 'detail'>>;

/** What the chain's onAttempt feeds: the request's attempt rows, the metrics and one warn line per failed or skipped model. */
export type AttemptObserver = {
  onAttempt(attempt: ObservedAttempt): void;
  attempts(): AttemptSummary[];
  /** True once any attempt did not simply work (the breaker gauges may have moved). */
  anyFailed(): boolean;
};

const quiet = new Set(['ok', 'aborted']);

/**
 * One observer per request: the single place where logs and metrics read the chain's attempt records.
 * `log` is asked for only when a line is written (most requests write none here).
 */
export function createAttemptObserver(log: () => Logger): AttemptObserver {
  const rows: AttemptSummary[] = [];
  let previousFailed: ObservedAttempt | undefined;
  let failed = false;
  return {
    onAttempt(attempt) {
      rows.push({
        provider: attempt.provider, model: attempt.modelId, outcome: attempt.outcome, ms: Math.round(attempt.ms),
        ...(attempt.status === undefined ? {} : { status: attempt.status }),
      });
      recordAttempt({ provider: attempt.provider, model: attempt.modelId, outcome: attempt.outcome });
      if (previousFailed !== undefined) {
        recordFallback({ from: `${previousFailed.provider}/${previousFailed.modelId}`, to: `${attempt.provider}/${attempt.modelId}`, reason: previousFailed.outcome });
      }
      previousFailed = quiet.has(attempt.outcome) ? undefined : attempt;
      if (quiet.has(attempt.outcome)) return;
      failed = true;
      log().warn({
        provider: attempt.provider, model: attempt.modelId, outcome: attempt.outcome, ms: Math.round(attempt.ms),
        ...(attempt.phase === undefined ? {} : { phase: attempt.phase }),
        ...(attempt.status === undefined ? {} : { status: attempt.status }),
        ...(attempt.retryAfterMs === undefined ? {} : { retryAfterMs: Math.round(attempt.retryAfterMs) }),
        ...(attempt.providerCode === undefined ? {} : { providerCode: attempt.providerCode }),
        ...(attempt.openCause === undefined ? {} : { openCause: attempt.openCause }),
        // The provider's own message: for operators only, never sent to a client.
        ...(attempt.detail === undefined ? {} : { providerMessage: attempt.detail.slice(0, 500) }),
      }, attempt.outcome.startsWith('skipped_') ? 'model skipped' : 'model attempt failed');
    },
    attempts: () => rows,
    anyFailed: () => failed,
  };
}
