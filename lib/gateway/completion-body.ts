import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import type { TraceUsage } from '@/lib/usage/usage-of-trace';
import { finishReasonOf, openAIUsage } from './openai-usage';
import type { XFlint } from './x-flint';

/** A non-streamed chat.completion body from the chain's doGenerate result. */
export function completionBody(result: LanguageModelV4GenerateResult, meta: { id: string; created: number; model: string }, usage: TraceUsage, xFlint: XFlint) {
  let content = '';
  let reasoning = '';
  const toolCalls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }> = [];
  for (const part of result.content) {
    if (part.type === 'text') content += part.text;
    else if (part.type === 'reasoning') reasoning += part.text;
    else if (part.type === 'tool-call' && !part.providerExecuted) {
      toolCalls.push({ id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: part.input } });
    }
  }
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: toolCalls.length > 0 && content === '' ? null : content,
          ...(reasoning === '' ? {} : { reasoning }),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReasonOf(result.finishReason.unified),
      },
    ],
    usage: openAIUsage(usage),
    system_fingerprint: null,
    x_flint: xFlint,
  };
}
