import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory-store';
import { groqModels } from '../catalog/groq-models';
import { overBudgetModels } from './over-budget';
import { createRateBudgets } from './rate-budgets';

const [first, second] = groqModels.filter((entry) => entry.capabilities.text);
const drained = new Headers({ 'x-ratelimit-remaining-tokens': '100', 'x-ratelimit-reset-tokens': '20s' });

describe('overBudgetModels', () => {
  it('skips a candidate whose remaining tokens cannot cover prompt plus expected output, until its reset', async () => {
    let clock = 1_000;
    const budgets = createRateBudgets(createMemoryStore(), () => clock);
    await budgets.record({ provider: first!.provider, model: first!.id }, drained);
    const overBudget = await overBudgetModels(budgets, [first!, second!], 50, () => clock);
    expect(overBudget?.(first!)).toBe(20_000);
    expect(overBudget?.(second!)).toBeUndefined();
    clock += 20_001;
    expect(overBudget?.(first!)).toBeUndefined();
  });

  it('skips nothing when every candidate is short (the provider decides) or nothing is known', async () => {
    const budgets = createRateBudgets(createMemoryStore(), () => 1_000);
    expect(await overBudgetModels(budgets, [first!, second!], 50)).toBeUndefined();
    for (const entry of [first!, second!]) await budgets.record({ provider: entry.provider, model: entry.id }, drained);
    expect(await overBudgetModels(budgets, [first!, second!], 50, () => 1_000)).toBeUndefined();
  });
});
