import type { ModelEntry } from '../catalog/model-entry';
import type { RateBudgets } from './rate-budgets';

/** Output tokens a chat reply is expected to use, for the budget estimate (capped by the model's max output). */
export const expectedOutputTokens = 1024;

/** For the chain: how long (ms) a candidate's reported budget still cannot cover the request, or undefined when it can. */
export type OverBudget = (entry: ModelEntry) => number | undefined;

/**
 * Reads the candidates' provider-reported budgets once per request: a candidate whose remaining
 * tokens (or requests) cannot cover `promptTokens` plus the expected output is skipped by the chain
 * without a call until its window resets (after that, a second round may call it). When every
 * candidate is short, none is skipped: the budgets are estimates, and the provider's own answer
 * (maybe a 429 with a retry-after the chain waits out) beats refusing outright.
 * Undefined when nothing is short, so the chain does no per-attempt work.
 */
export async function overBudgetModels(
  budgets: RateBudgets, candidates: readonly ModelEntry[], promptTokens: number, now: () => number = Date.now,
): Promise<OverBudget | undefined> {
  const resets = await Promise.all(candidates.map((entry) =>
    budgets.shortUntil({ provider: entry.provider, model: entry.id }, promptTokens + Math.min(expectedOutputTokens, entry.maxOutput)).catch(() => undefined)));
  const short = new Map<string, number>();
  candidates.forEach((entry, index) => {
    const until = resets[index];
    if (until !== undefined) short.set(entry.id, until);
  });
  if (short.size === 0 || short.size === candidates.length) return undefined;
  return (entry) => {
    const until = short.get(entry.id);
    if (until === undefined) return undefined;
    const left = until - now();
    return left > 0 ? left : undefined;
  };
}
