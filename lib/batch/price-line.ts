import { costOf } from '../ai/usage/cost-of';
import { createCatalog } from '../ai/catalog/catalog';

/** Prices a finished line from the model and usage in its completion body. */
export type PriceLine = (completion: Record<string, unknown>, requestedModel: string) => number;

let catalog: ReturnType<typeof createCatalog> | undefined;

function usageOf(completion: Record<string, unknown>): { inputTokens: number; outputTokens: number } {
  const usage = (completion.usage ?? {}) as { prompt_tokens?: unknown; completion_tokens?: unknown };
  return { inputTokens: Number(usage.prompt_tokens) || 0, outputTokens: Number(usage.completion_tokens) || 0 };
}

/** The catalog's synchronous price for a completion, times `factor` (0.5 for Groq's Batch API); 0 for unknown models. */
export function catalogPrice(factor = 1): PriceLine {
  return (completion, requestedModel) => {
    catalog ??= createCatalog();
    const model = typeof completion.model === 'string' ? completion.model : requestedModel;
    const entry = catalog.find(model) ?? catalog.find(requestedModel);
    return entry ? costOf(entry, usageOf(completion)) * factor : 0;
  };
}
