import type { ModelEntry } from '../ai/catalog/model-entry';
import type { FallbackTrace } from '../ai/fallback/fallback-trace';

/** Tokens and cost of a request, summed over the attempts whose output was used. */
export interface TraceUsage {
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  costUsd: number;
}

// Groq bills prompt tokens served from its prompt cache at half the input price.
const cachedShare: Record<ModelEntry['provider'], number> = { groq: 0.5, openai: 1 };

/** Tokens and catalog-priced cost of every attempt that reported usage (continuations included). */
export function usageOfTrace(trace: FallbackTrace, find: (id: string) => ModelEntry | undefined): TraceUsage {
  const total: TraceUsage = { inputTokens: 0, cachedTokens: 0, outputTokens: 0, costUsd: 0 };
  for (const attempt of trace.attempts) {
    const entry = find(attempt.modelId);
    if (attempt.usage === undefined || entry === undefined || 'perAudioHour' in entry.price) continue;
    const input = attempt.usage.inputTokens.total ?? 0;
    const cached = Math.min(input, attempt.usage.inputTokens.cacheRead ?? 0);
    const output = attempt.usage.outputTokens.total ?? 0;
    total.inputTokens += input;
    total.cachedTokens += cached;
    total.outputTokens += output;
    total.costUsd +=
      ((input - cached) * entry.price.inputPerMillion + cached * entry.price.inputPerMillion * cachedShare[entry.provider] + output * entry.price.outputPerMillion) /
      1_000_000;
  }
  return total;
}
