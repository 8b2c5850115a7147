import type { ToolSet, TypedToolCall, TypedToolError, TypedToolResult, UIMessageChunk } from 'ai';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { getErrorMessage } from '@ai-sdk/provider';

type ToolInputStart = Extract<LanguageModelV4StreamPart, { type: 'tool-input-start' }>;

/** The tool facts a UI chunk carries: its title and metadata from the tool set, whether it is dynamic. */
function toolFacts(tools: ToolSet | undefined, toolName: string, partDynamic: boolean | undefined) {
  const tool = tools?.[toolName];
  return { tool, dynamic: tool == null ? partDynamic : tool.type === 'dynamic' ? true : undefined };
}

const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, unknown>> =>
  value == null ? {} : ({ [key]: value } as Record<K, unknown>);

/**
 * The UI message chunks toUIMessageStream({ tools, onError }) (ai@7) makes of the tool parts of a
 * step, built in the SDK's key order so their JSON is the same. Tool parts are a few per reply,
 * so objects and JSON.stringify are fine here (the hot text path writes strings by hand).
 */
export const toolChunk = {
  inputStart(part: ToolInputStart, tools: ToolSet | undefined): UIMessageChunk {
    const { tool } = toolFacts(tools, part.toolName, undefined);
    // streamText fills dynamic, title and metadata from the tool set before the UI mapping sees the part.
    const partDynamic = part.dynamic ?? tool?.type === 'dynamic';
    const { dynamic } = toolFacts(tools, part.toolName, partDynamic);
    return {
      type: 'tool-input-start',
      toolCallId: part.id,
      toolName: part.toolName,
      ...optional('inputEncoding', part.inputEncoding),
      ...optional('providerExecuted', part.providerExecuted),
      ...optional('providerMetadata', part.providerMetadata),
      ...optional('toolMetadata', tool?.metadata),
      ...optional('dynamic', dynamic),
      ...optional('title', tool?.title),
    } as UIMessageChunk;
  },
  inputDelta(id: string, delta: string): UIMessageChunk {
    return { type: 'tool-input-delta', toolCallId: id, inputTextDelta: delta };
  },
  call(call: TypedToolCall<ToolSet>, tools: ToolSet | undefined, toolErrorText: (error: unknown) => string, onError: (error: unknown) => string): UIMessageChunk {
    const { dynamic } = toolFacts(tools, call.toolName, call.dynamic);
    const shared = {
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      input: call.input,
      ...optional('providerExecuted', call.providerExecuted),
      ...optional('providerMetadata', call.providerMetadata),
      ...optional('toolMetadata', call.toolMetadata),
      ...optional('dynamic', dynamic),
    };
    if (call.invalid) {
      const errorText = call.providerExecuted ? onError(call.error) : toolErrorText(call.error);
      return { type: 'tool-input-error', ...shared, errorText, ...optional('title', call.title) } as UIMessageChunk;
    }
    return { type: 'tool-input-available', ...shared, ...optional('title', call.title) } as UIMessageChunk;
  },
  result(result: TypedToolResult<ToolSet> & { preliminary?: boolean }, tools: ToolSet | undefined): UIMessageChunk {
    const { dynamic } = toolFacts(tools, result.toolName, result.dynamic);
    return {
      type: 'tool-output-available',
      toolCallId: result.toolCallId,
      output: result.output === undefined ? null : result.output,
      ...optional('providerExecuted', result.providerExecuted),
      ...optional('providerMetadata', result.providerMetadata),
      ...optional('toolMetadata', result.toolMetadata),
      ...optional('preliminary', result.preliminary),
      ...optional('dynamic', dynamic),
    } as UIMessageChunk;
  },
  error(failure: TypedToolError<ToolSet>, tools: ToolSet | undefined, toolErrorText: (error: unknown) => string): UIMessageChunk {
    const { dynamic } = toolFacts(tools, failure.toolName, failure.dynamic);
    const errorText = failure.providerExecuted
      ? typeof failure.error === 'string'
        ? failure.error
        : JSON.stringify(failure.error)
      : toolErrorText(failure.error);
    return {
      type: 'tool-output-error',
      toolCallId: failure.toolCallId,
      errorText,
      ...optional('providerExecuted', failure.providerExecuted),
      ...optional('providerMetadata', failure.providerMetadata),
      ...optional('toolMetadata', failure.toolMetadata),
      ...optional('dynamic', dynamic),
    } as UIMessageChunk;
  },
};

/** The text a tool error shows in the browser, as toUIMessageStream words it (redacted through onError when one is given). */
export function toolErrorTextOf(onError: ((error: unknown) => string) | undefined, fallback: (error: unknown) => string) {
  return (error: unknown): string => {
    if (onError) return onError(error);
    try {
      return getErrorMessage(error);
    } catch {
      return fallback(error);
    }
  };
}
