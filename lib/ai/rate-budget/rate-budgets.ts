import { setRateLimitRemaining } from '@/lib/observability/record';
import type { Store } from '@/lib/store/store';
import type { BudgetModel, ModelBudget } from './model-budget';
import { parseRateLimitHeaders } from './parse-rate-limit-headers';

/** Per-model budgets from the providers' rate-limit headers, shared through the Store. */
export type RateBudgets = {
  /** Keeps what a provider response's headers say about its model. */
  record(model: BudgetModel, headers: Headers): Promise<void>;
  /**
   * Whether the model's last reported budget covers a request of `estimatedTokens` (prompt plus
   * expected output). True when nothing is known or the reported window has reset since.
   */
  canServe(model: BudgetModel, estimatedTokens: number): Promise<boolean>;
  /** When the budget cannot cover the request: the epoch ms at which the short window resets; else undefined. */
  shortUntil(model: BudgetModel, estimatedTokens: number): Promise<number | undefined>;
  /** The budget last seen by this process, per `provider/model` (for /api/health). */
  snapshot(): Record<string, ModelBudget>;
};

const keyOf = (model: BudgetModel) => `${model.provider}/${model.model}`;
// A record outlives its latest reset only briefly: after that it says nothing the provider would not.
const minimumTtlMs = 1_000;

/** How long this process uses the Store's copy of a model's budget before reading it again (in the background). */
export const sharedBudgetRefreshMs = 1_000;

/** Creates the budgets; `now` is injectable so tests need no sleeps. */
export function createRateBudgets(store: Store, now: () => number = Date.now, refreshMs = sharedBudgetRefreshMs): RateBudgets {
  const seen = new Map<string, ModelBudget>();
  // The Store's copy of each model's budget (other instances' sightings), read once and then refreshed in the
  // background at most every `refreshMs`: with Redis a read is a round trip, and it sat before every provider
  // call. A copy a second old is still an estimate the provider's own 429 corrects; this process's own
  // sightings (`seen`) are always current.
  const storeCopies = new Map<string, { budget: ModelBudget | undefined; readAt: number; refreshing: boolean }>();

  async function load(model: BudgetModel): Promise<ModelBudget | undefined> {
    const text = await store.get(`flint:budget:${keyOf(model)}`);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as ModelBudget;
    } catch {
      return undefined;
    }
  }

  async function sharedBudget(model: BudgetModel): Promise<ModelBudget | undefined> {
    const key = keyOf(model);
    const copy = storeCopies.get(key);
    if (copy === undefined) {
      const budget = await load(model);
      storeCopies.set(key, { budget, readAt: now(), refreshing: false });
      return budget;
    }
    if (!copy.refreshing && now() - copy.readAt >= refreshMs) {
      copy.refreshing = true;
      load(model).then(
        (budget) => void storeCopies.set(key, { budget, readAt: now(), refreshing: false }),
        () => void (copy.refreshing = false),
      );
    }
    return copy.budget;
  }

  async function shortUntil(model: BudgetModel, estimatedTokens: number): Promise<number | undefined> {
    // This process's own last sighting may be newer than the Store's (a write still on its way).
    const local = seen.get(keyOf(model));
    const shared = await sharedBudget(model);
    const budget = local !== undefined && (shared === undefined || local.observedAt >= shared.observedAt) ? local : shared;
    if (budget === undefined) return undefined;
    const at = now();
    const tokensShort = budget.remainingTokens !== undefined && budget.remainingTokens < estimatedTokens && (budget.tokensResetAt ?? 0) > at;
    const requestsOut = budget.remainingRequests !== undefined && budget.remainingRequests < 1 && (budget.requestsResetAt ?? 0) > at;
    if (!tokensShort && !requestsOut) return undefined;
    return Math.max(tokensShort ? budget.tokensResetAt! : 0, requestsOut ? budget.requestsResetAt! : 0);
  }

  return {
    async record(model, headers) {
      const budget = parseRateLimitHeaders(headers, now());
      if (budget === undefined) return;
      seen.set(keyOf(model), budget);
      if (budget.remainingTokens !== undefined) setRateLimitRemaining({ ...model, kind: 'tokens', remaining: budget.remainingTokens });
      if (budget.remainingRequests !== undefined) setRateLimitRemaining({ ...model, kind: 'requests', remaining: budget.remainingRequests });
      const latestReset = Math.max(budget.requestsResetAt ?? 0, budget.tokensResetAt ?? 0);
      await store.set(`flint:budget:${keyOf(model)}`, JSON.stringify(budget), Math.max(minimumTtlMs, latestReset - budget.observedAt));
    },
    async canServe(model, estimatedTokens) {
      return (await shortUntil(model, estimatedTokens)) === undefined;
    },
    shortUntil,
    snapshot: () => Object.fromEntries(seen),
  };
}
