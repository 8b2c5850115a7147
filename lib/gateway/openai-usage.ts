import type { TraceUsage } from '@/lib/usage/usage-of-trace';

/** OpenAI's `usage` object. */
export function openAIUsage(usage: TraceUsage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens },
  };
}

/** OpenAI's finish_reason for the SDK's unified one. */
export function finishReasonOf(unified: string): 'stop' | 'length' | 'tool_calls' | 'content_filter' {
  if (unified === 'length') return 'length';
  if (unified === 'tool-calls') return 'tool_calls';
  if (unified === 'content-filter') return 'content_filter';
  return 'stop';
}
