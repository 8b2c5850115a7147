import type { FallbackTrace } from '@/lib/ai/fallback/fallback-trace';

/** What Flint adds to every answer, as Groq adds `x_groq`: who served, what was tried, the cost. */
export interface XFlint {
  served_by: string | null;
  continued_by?: string;
  attempts: Array<{ model: string; outcome: string; ms: number }>;
  cost_usd: number;
  cache: 'miss' | 'hit';
  replaced_model?: string;
}

/** The x_flint object of a finished (or started) call. */
export function xFlint(trace: FallbackTrace, costUsd: number, replaced?: { from: string; to: string }, cacheHit = false): XFlint {
  return {
    served_by: trace.servedBy?.id ?? null,
    ...(trace.continuedBy ? { continued_by: trace.continuedBy.id } : {}),
    attempts: trace.attempts.map((attempt) => ({ model: attempt.modelId, outcome: attempt.outcome, ms: Math.round(attempt.ms) })),
    cost_usd: Number(costUsd.toFixed(9)),
    cache: cacheHit ? 'hit' : 'miss',
    ...(replaced ? { replaced_model: `${replaced.from} -> ${replaced.to}` } : {}),
  };
}

/** The x-flint-* response headers of a call that has started. */
export function xFlintHeaders(trace: FallbackTrace, replaced?: { from: string; to: string }, cacheHit = false): Record<string, string> {
  return {
    'x-flint-cache': cacheHit ? 'hit' : 'miss',
    'x-flint-served-by': trace.servedBy?.id ?? '',
    'x-flint-attempts': trace.attempts.map((attempt) => `${attempt.modelId}=${attempt.outcome}`).join(', '),
    ...(replaced ? { 'x-flint-model-replaced': `${replaced.from} -> ${replaced.to}` } : {}),
  };
}
