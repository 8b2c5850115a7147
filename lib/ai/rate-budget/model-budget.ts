/** One model's budget as its provider last reported it; reset times are epoch milliseconds. */
export type ModelBudget = {
  remainingRequests?: number;
  remainingTokens?: number;
  limitRequests?: number;
  limitTokens?: number;
  requestsResetAt?: number;
  tokensResetAt?: number;
  observedAt: number;
};

/** Which model a budget belongs to. */
export type BudgetModel = { provider: string; model: string };
