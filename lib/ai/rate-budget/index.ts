export type { BudgetModel, ModelBudget } from './model-budget';
export { parseGoDuration } from './parse-go-duration';
export { parseRateLimitHeaders } from './parse-rate-limit-headers';
export { createRateBudgets, type RateBudgets } from './rate-budgets';
export { createRateBudgetFetch, modelOfRequest, type ModelOf } from './rate-budget-fetch';
export { overBudgetModels, expectedOutputTokens, type OverBudget } from './over-budget';
