import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import { createNullLanguageModelUsage } from '@ai-sdk/provider-utils';
import { groqUsageRaw } from './groq-usage-raw';

const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Groq's `x_groq.usage` as @ai-sdk/groq's `convertGroqUsage` maps it (top-level `usage` is ignored there too). */
export function groqUsage(usage: Record<string, unknown> | undefined): LanguageModelV4Usage {
  if (usage == null) return createNullLanguageModelUsage();
  const raw = groqUsageRaw(usage);
  const promptDetails = raw.prompt_tokens_details as { cached_tokens?: number | null } | null | undefined;
  const completionDetails = raw.completion_tokens_details as { reasoning_tokens?: number | null } | null | undefined;
  const promptTokens = count(raw.prompt_tokens) ?? 0;
  const cacheReadTokens = count(promptDetails?.cached_tokens);
  const completionTokens = count(raw.completion_tokens) ?? 0;
  const reasoningTokens = count(completionDetails?.reasoning_tokens);
  return {
    inputTokens: {
      total: promptTokens,
      noCache: cacheReadTokens != null ? promptTokens - cacheReadTokens : promptTokens,
      cacheRead: cacheReadTokens,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: completionTokens,
      text: reasoningTokens != null ? Math.max(0, completionTokens - reasoningTokens) : completionTokens,
      reasoning: reasoningTokens,
    },
    raw,
  };
}
