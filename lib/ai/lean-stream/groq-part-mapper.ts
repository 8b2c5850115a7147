import type { LanguageModelV4FinishReason, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createLanguageModelResponseMetadata, generateId, StreamingToolCallTracker } from '@ai-sdk/provider-utils';
import { groqStreamError } from './groq-stream-error';
import { groqUsage } from './groq-usage';
import type { GroqFrame } from './parse-groq-frame';

/** Turns parsed Groq frames into stream parts in the order @ai-sdk/groq's transform emits them. */
export interface GroqPartMapper {
  frame(frame: GroqFrame): void;
  flush(): void;
}

// A Map, not an object literal: a finish reason such as "toString" must not find a prototype method.
const finishReasons = new Map<string, LanguageModelV4FinishReason['unified']>([
  ['stop', 'stop'],
  ['length', 'length'],
  ['content_filter', 'content-filter'],
  ['function_call', 'tool-calls'],
  ['tool_calls', 'tool-calls'],
]);

/** The same state machine as @ai-sdk/groq 4.0.x's doStream transform (ids `reasoning-0`/`txt-0`, its tool-call tracker). */
export function createGroqPartMapper(enqueue: (part: LanguageModelV4StreamPart) => void): GroqPartMapper {
  const toolCalls = new StreamingToolCallTracker({ enqueue }, { generateId, typeValidation: 'required' });
  let finishReason: LanguageModelV4FinishReason = { unified: 'interrupted', raw: undefined };
  let usage: Record<string, unknown> | undefined;
  let isFirstChunk = true;
  let isActiveText = false;
  let isActiveReasoning = false;

  const endReasoning = () => {
    if (!isActiveReasoning) return;
    enqueue({ type: 'reasoning-end', id: 'reasoning-0' });
    isActiveReasoning = false;
  };

  return {
    frame(frame) {
      if (!frame.success) {
        finishReason = { unified: 'error', raw: undefined };
        enqueue({ type: 'error', error: frame.error });
        return;
      }
      const value = frame.value;
      if ('error' in value) {
        finishReason = { unified: 'error', raw: undefined };
        enqueue({ type: 'error', error: groqStreamError(value) });
        return;
      }
      if (isFirstChunk) {
        isFirstChunk = false;
        enqueue({ type: 'response-metadata', ...createLanguageModelResponseMetadata(value) });
      }
      if (value.x_groq?.usage != null) usage = value.x_groq.usage;
      const choice = value.choices[0];
      if (choice?.finish_reason != null) {
        finishReason = { unified: finishReasons.get(choice.finish_reason) ?? 'other', raw: choice.finish_reason };
      }
      const delta = choice?.delta;
      if (delta == null) return;
      if (delta.reasoning != null && delta.reasoning.length > 0) {
        if (!isActiveReasoning) {
          enqueue({ type: 'reasoning-start', id: 'reasoning-0' });
          isActiveReasoning = true;
        }
        enqueue({ type: 'reasoning-delta', id: 'reasoning-0', delta: delta.reasoning });
      }
      if (delta.content != null && delta.content.length > 0) {
        endReasoning();
        if (!isActiveText) {
          enqueue({ type: 'text-start', id: 'txt-0' });
          isActiveText = true;
        }
        enqueue({ type: 'text-delta', id: 'txt-0', delta: delta.content });
      }
      if (delta.tool_calls != null && delta.tool_calls.length > 0) {
        endReasoning();
        for (const toolCallDelta of delta.tool_calls) toolCalls.processDelta(toolCallDelta);
      }
    },
    flush() {
      endReasoning();
      if (isActiveText) enqueue({ type: 'text-end', id: 'txt-0' });
      toolCalls.flush();
      enqueue({ type: 'finish', finishReason, usage: groqUsage(usage) });
    },
  };
}
