import type { ModelEntry } from '../catalog/model-entry';
import type { RateBudgets } from './rate-budgets';

/** Output tokens a chat reply is expected to use, for the budget estimate (capped by the model's max output). */
export const expectedOutputTokens = 1024;

/**
 * The candidates whose provider-reported budget cannot cover a request of `promptTokens` plus the
 * expected output before the budget resets: the chain skips them without calling them. When every
 * candidate is short, none is skipped: the budgets are estimates, and the provider's own answer
 * (maybe a 429 with a retry-after) is better than refusing outright.
 */
export async function overBudgetModels(budgets: RateBudgets, candidates: readonly ModelEntry[], promptTokens: number): Promise<Set<string>> {
  const verdicts = await Promise.all(candidates.map((entry) =>
    budgets.canServe({ provider: entry.provider, model: entry.id }, promptTokens + Math.min(expectedOutputTokens, entry.maxOutput)).catch(() => true)));
  const short = new Set(candidates.filter((_, index) => !verdicts[index]).map((entry) => entry.id));
  return short.size === candidates.length ? new Set() : short;
}
