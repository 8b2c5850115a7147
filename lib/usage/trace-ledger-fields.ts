import type { FallbackTrace } from '../ai/fallback/fallback-trace';
import type { usageOfTrace } from './usage-of-trace.ts';

/** The ledger columns every surface fills the same way from a request's trace: who served, tokens, cost, timing, fallbacks. */
export function traceLedgerFields(
  trace: FallbackTrace,
  usage: ReturnType<typeof usageOfTrace>,
  end: { status: string; durationMs: number; ttftMs?: number | undefined },
) {
  const served = trace.servedBy;
  return {
    provider: served?.provider ?? null,
    model: served?.id ?? null,
    inputTokens: usage.inputTokens,
    cachedTokens: usage.cachedTokens,
    outputTokens: usage.outputTokens,
    costUsd: usage.costUsd,
    ttftMs: end.ttftMs === undefined ? null : Math.round(end.ttftMs),
    durationMs: Math.round(end.durationMs),
    status: end.status,
    fallbacks: trace.attempts.filter((attempt) => attempt.outcome !== 'ok' && !attempt.outcome.startsWith('skipped')).length,
  };
}
