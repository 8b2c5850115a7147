import type { LanguageModelV4Usage } from '@ai-sdk/provider';

function sum(left: number | undefined, right: number | undefined) {
  return left === undefined && right === undefined ? undefined : (left ?? 0) + (right ?? 0);
}

/** Adds two usages field by field; a field stays undefined only when both sides lack it. */
export function addUsage(left: LanguageModelV4Usage | undefined, right: LanguageModelV4Usage): LanguageModelV4Usage {
  if (left === undefined) return right;
  return {
    inputTokens: {
      total: sum(left.inputTokens.total, right.inputTokens.total),
      noCache: sum(left.inputTokens.noCache, right.inputTokens.noCache),
      cacheRead: sum(left.inputTokens.cacheRead, right.inputTokens.cacheRead),
      cacheWrite: sum(left.inputTokens.cacheWrite, right.inputTokens.cacheWrite),
    },
    outputTokens: {
      total: sum(left.outputTokens.total, right.outputTokens.total),
      text: sum(left.outputTokens.text, right.outputTokens.text),
      reasoning: sum(left.outputTokens.reasoning, right.outputTokens.reasoning),
    },
  };
}
