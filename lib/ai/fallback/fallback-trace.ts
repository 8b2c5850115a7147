import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import type { FailureOutcome } from './classify-failure';
import type { ModelEntry, ProviderName } from '../catalog/model-entry';

/**
 * How one candidate fared: `ok` served (or continued) the answer; a failure outcome fell through
 * to the next candidate; `interrupted` failed after its output had reached the user; `aborted`
 * was stopped by the caller; `skipped_*` were never called (`skipped_budget`: the provider's reported
 * rate-limit budget could not cover the request).
 */
export type AttemptOutcome = 'ok' | FailureOutcome | 'interrupted' | 'aborted' | 'skipped_open' | 'skipped_misconfigured' | 'skipped_budget';

/** One row of the trace. */
export interface FallbackAttempt {
  modelId: string;
  provider: ProviderName;
  label: string;
  outcome: AttemptOutcome;
  /** Wall time of the upstream call; 0 for skipped candidates. */
  ms: number;
  /** `answer` started the reply; `continuation` resumed a reply cut off mid-stream. */
  phase: 'answer' | 'continuation';
  status?: number;
  /** From a 429's retry-after, or how long an open breaker still has to wait. */
  retryAfterMs?: number;
  providerCode?: string;
  /** For `skipped_open`: what opened the breaker. */
  openCause?: 'rate_limited' | 'failures' | 'unavailable';
  usage?: LanguageModelV4Usage;
  /** The upstream error message, for server logs only: never show it to a user. */
  detail?: string;
}

/** Per-request record the caller reads after the call: every attempt, who served, how it ended. */
export interface FallbackTrace {
  attempts: FallbackAttempt[];
  /** The model that started the (last) answer. */
  servedBy?: ModelEntry;
  /** The model that finished an answer another model started, after a mid-stream failure. */
  continuedBy?: ModelEntry;
  /** True when the answer was cut off and no model could continue it (finish reason `interrupted`). */
  interrupted?: boolean;
  /** Tokens of the calls whose output was used, summed over steps and continuations. */
  usage?: LanguageModelV4Usage;
}

/** An empty trace for one request. */
export function createFallbackTrace(): FallbackTrace {
  return { attempts: [] };
}
