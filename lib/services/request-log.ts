import { logger } from '@/lib/observability/logger';
import type { FallbackAttempt } from '@/lib/ai/fallback/fallback-trace';

/** One request as the server log records it: never a key, never the prompt. */
export interface RequestRecord {
  route: string;
  status: number;
  durationMs: number;
  /** How the request ended: a complete answer, one continued on another model, interrupted, refused with an error, or cancelled. */
  result: 'complete' | 'continued' | 'interrupted' | 'error' | 'aborted';
  errorCode?: string;
  /** The tier the router chose (speed, quality, vision). */
  tier?: string;
  /** Answered from the response cache: no provider was called. */
  fromCache?: boolean;
  servedBy?: string;
  continuedBy?: string;
  attempts: Array<{ model: string; provider: string; phase: string; outcome: string; status?: number; ms: number; retryAfterMs?: number; providerCode?: string; detail?: string }>;
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
}

/**
 * Where records of direct service callers go: the process's pino logger. The API routes pass their
 * own `onRecord` (lib/server/observed-route.ts) so the record joins the route's one summary line.
 */
let sink: (record: RequestRecord) => void = (record) => {
  logger()[record.status >= 500 ? 'error' : record.status >= 400 ? 'warn' : 'info'](record, 'request');
};

/** Writes one request's record to the log sink. */
export function logRequest(record: RequestRecord): void {
  try {
    sink(record);
  } catch {
    // A broken log sink must never break a reply.
  }
}

/** Replaces the sink (a structured logger, or a test collecting records); returns the previous one. */
export function setRequestSink(next: (record: RequestRecord) => void): (record: RequestRecord) => void {
  const previous = sink;
  sink = next;
  return previous;
}

/** The attempt rows as the log shows them: the provider's own message, cut short, and no usage detail. */
export function attemptsForLog(attempts: readonly FallbackAttempt[]): RequestRecord['attempts'] {
  return attempts.map((attempt) => ({
    model: attempt.modelId,
    provider: attempt.provider,
    phase: attempt.phase,
    outcome: attempt.outcome,
    ms: Math.round(attempt.ms),
    ...(attempt.status === undefined ? {} : { status: attempt.status }),
    ...(attempt.retryAfterMs === undefined ? {} : { retryAfterMs: Math.round(attempt.retryAfterMs) }),
    ...(attempt.providerCode === undefined ? {} : { providerCode: attempt.providerCode }),
    ...(attempt.detail === undefined ? {} : { detail: attempt.detail.slice(0, 500) }),
  }));
}
