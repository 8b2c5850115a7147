import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { getErrorMessage } from '@ai-sdk/provider';
import type { ToolSet, TypedToolCall, TypedToolError, TypedToolResult } from 'ai';

/** The tool-error streamText records for a call whose input failed its schema or named no tool. */
export function invalidCallError(call: TypedToolCall<ToolSet>): TypedToolError<ToolSet> {
  return {
    type: 'tool-error',
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    input: call.input,
    error: getErrorMessage(call.error),
    dynamic: true,
    title: call.title,
    ...(call.toolMetadata != null ? { toolMetadata: call.toolMetadata } : {}),
  } as TypedToolError<ToolSet>;
}

/** A provider-executed tool's answer (Groq's browser_search) as streamText records it. */
export function providerToolOutcome(
  part: Extract<LanguageModelV4StreamPart, { type: 'tool-result' }>,
  call: TypedToolCall<ToolSet> | undefined,
): TypedToolResult<ToolSet> | TypedToolError<ToolSet> {
  const shared = {
    toolCallId: part.toolCallId,
    toolName: part.toolName,
    input: call?.input,
    providerExecuted: true,
    dynamic: part.dynamic,
    ...(part.providerMetadata != null ? { providerMetadata: part.providerMetadata } : {}),
    ...(call?.toolMetadata != null ? { toolMetadata: call.toolMetadata } : {}),
  };
  return part.isError
    ? ({ type: 'tool-error', ...shared, error: part.result } as TypedToolError<ToolSet>)
    : ({ type: 'tool-result', ...shared, output: part.result } as TypedToolResult<ToolSet>);
}
