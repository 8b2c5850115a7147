import { executeTool, isExecutableTool } from '@ai-sdk/provider-utils';
import type { ModelMessage, ToolSet, TypedToolCall, TypedToolError, TypedToolResult } from 'ai';
import { mergeAbortSignals } from 'ai/internal';

/** What a tool call came to: its result, or the error the model is shown instead. */
export type ToolOutcome = TypedToolResult<ToolSet> | TypedToolError<ToolSet>;

/** Raised when a tool outlives its time budget; the model sees it as the tool's error. */
export class ToolTimeoutError extends Error {
  constructor(toolName: string, ms: number) {
    super(`Tool "${toolName}" did not answer within ${ms} ms.`);
    this.name = 'ToolTimeoutError';
  }
}

/**
 * Runs one client tool call as streamText does (executeToolCall in ai@7): the tool's `execute`
 * with the input parseToolCall already validated against its inputSchema, preliminary outputs
 * passed on, and any throw, abort or timeout turned into a tool-error the next step shows the
 * model. Unlike the SDK, a tool that ignores its abort signal still loses at the deadline.
 */
export async function runToolCall({
  call,
  tools,
  messages,
  abortSignal,
  timeoutMs,
  onPreliminary,
}: {
  call: TypedToolCall<ToolSet>;
  tools: ToolSet;
  messages: ModelMessage[];
  abortSignal?: AbortSignal;
  timeoutMs?: number;
  onPreliminary?: (result: TypedToolResult<ToolSet> & { preliminary: true }) => void;
}): Promise<ToolOutcome | undefined> {
  const tool = tools[call.toolName];
  if (!isExecutableTool(tool)) return undefined;
  const { toolCallId, toolName, input } = call;
  const shared = {
    toolCallId,
    toolName,
    input,
    dynamic: tool.type === 'dynamic',
    ...(call.providerMetadata != null ? { providerMetadata: call.providerMetadata } : {}),
    ...(call.toolMetadata != null ? { toolMetadata: call.toolMetadata } : {}),
  };
  const signal = mergeAbortSignals(abortSignal, timeoutMs);
  let output: unknown;
  try {
    const run = (async () => {
      for await (const part of executeTool({ tool, input, options: { toolCallId, messages, abortSignal: signal } as Parameters<typeof executeTool>[0]['options'] })) {
        if (part.type === 'preliminary') onPreliminary?.({ ...call, type: 'tool-result', output: part.output, preliminary: true } as TypedToolResult<ToolSet> & { preliminary: true });
        else output = part.output;
      }
    })();
    await (signal === undefined ? run : Promise.race([run, rejectOnAbort(signal, () => (timeoutMs !== undefined && !abortSignal?.aborted ? new ToolTimeoutError(toolName, timeoutMs) : signal.reason))]));
  } catch (error) {
    return { type: 'tool-error', ...shared, error } as TypedToolError<ToolSet>;
  }
  return { type: 'tool-result', ...shared, output } as TypedToolResult<ToolSet>;
}

function rejectOnAbort(signal: AbortSignal, reasonOf: () => unknown): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(reasonOf());
    else signal.addEventListener('abort', () => reject(reasonOf()), { once: true });
  });
}
