import { ApiError } from './api-error.ts';
import type { ChatRequest } from './chat-request.ts';
import type { ReplyPlan } from './plan-reply.ts';
import { splitTokens } from './tokens.ts';
import type { GenerationFaultKind } from './types.ts';

/** The fault kinds that change what the model generates; registered in faults.ts. */
export const generationFaultKinds: GenerationFaultKind[] = ['tool_use_failed', 'json_validate_failed', 'schema_mismatch'];

/** True for a fault kind handled by `applyGenerationFault`. */
export function isGenerationFault(kind: string): kind is GenerationFaultKind {
  return generationFaultKinds.some((candidate) => candidate === kind);
}

function malformedCall(chat: ChatRequest): string {
  const tool = chat.tools[0]?.name ?? 'calculator';
  // The shape Groq quotes back: the model wrote the call as text, with broken JSON.
  return `<function=${tool}>{"expression": "2 + 2"</function>`;
}

/**
 * Applies a generation fault to a planned answer: `tool_use_failed` and `json_validate_failed`
 * throw Groq's 400 with `failed_generation`; `schema_mismatch` swaps the answer for JSON that
 * parses but breaks the requested schema (no required fields, wrong types), as best-effort JSON mode can.
 */
export function applyGenerationFault(kind: GenerationFaultKind, chat: ChatRequest, plan: ReplyPlan): ReplyPlan {
  if (kind === 'tool_use_failed') {
    throw new ApiError({
      status: 400, type: 'invalid_request_error', code: 'tool_use_failed',
      message: "Failed to call a function. Please adjust your prompt. See 'failed_generation' for more details.",
      failedGeneration: malformedCall(chat),
    });
  }
  if (kind === 'json_validate_failed') {
    throw new ApiError({
      status: 400, type: 'invalid_request_error', code: 'json_validate_failed',
      message: "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.",
      failedGeneration: plan.content.join('').slice(0, -1) || '{"emulator": ',
    });
  }
  const content = splitTokens(JSON.stringify({ emulator_error: 'schema_mismatch', value: 42 }));
  return { ...plan, content, toolCalls: [], finishReason: 'stop', completionTokens: plan.reasoningTokens + content.length };
}
