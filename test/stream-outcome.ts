// Runs a LanguageModelV4 doStream to its end and normalises what is legitimately random, for differential tests.
import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { isProviderStreamError } from '@ai-sdk/provider-utils';

/** Everything a caller can observe of one doStream call. */
export interface StreamOutcome {
  parts: unknown[];
  thrown?: unknown;
  failed?: unknown;
  requestBody?: unknown;
  responseHeaderNames?: string[];
}

/** The observable shape of an error: its class, message and the fields the chain reads. */
export function describeError(error: unknown): unknown {
  if (isProviderStreamError(error)) return { providerStreamError: true, ...error };
  if (!(error instanceof Error)) return { notAnError: error };
  const fields = error as Error & Record<string, unknown>;
  return {
    class: error.constructor.name,
    name: error.name,
    message: error.message,
    statusCode: fields.statusCode,
    isRetryable: fields.isRetryable,
    responseBody: fields.responseBody,
    url: fields.url,
    requestBodyValues: fields.requestBodyValues,
    data: fields.data,
    value: fields.value,
    cause: fields.cause instanceof Error ? { class: fields.cause.constructor.name, message: fields.cause.message } : fields.cause,
  };
}

function normalise(parts: LanguageModelV4StreamPart[]): unknown[] {
  const toolIds = new Map<string, string>();
  const toolId = (id: string) => {
    if (!toolIds.has(id)) toolIds.set(id, `tool-${toolIds.size}`);
    return toolIds.get(id);
  };
  return parts.flatMap((part): unknown[] => {
    switch (part.type) {
      case 'text-delta':
      case 'reasoning-delta':
        // Where delta boundaries fall is not part of the contract (the lean parser joins the deltas of
        // one network read): a delta is compared character by character, so joined and split text match.
        return [...part.delta].map((character) => ({ ...part, delta: character }));
      case 'response-metadata':
        // The emulator mints a fresh completion id and clock per call.
        return [{ ...part, id: typeof part.id, timestamp: part.timestamp instanceof Date ? 'date' : part.timestamp }];
      case 'tool-input-start':
      case 'tool-input-delta':
      case 'tool-input-end':
        return [{ ...part, id: toolId(part.id) }];
      case 'tool-call':
        return [{ ...part, toolCallId: toolId(part.toolCallId) }];
      case 'error':
        return [{ type: 'error', error: describeError(part.error) }];
      case 'raw':
        // Emulator chunks carry fresh ids, clocks and timings; the rest of the chunk must match.
        return [{ type: 'raw', rawValue: JSON.parse(JSON.stringify(part.rawValue), (key, value) => (key === 'id' || key === 'created' || key.endsWith('_time') ? typeof value : value)) }];
      default:
        return [part];
    }
  });
}

/** Calls doStream and reads every part, recording a rejected call or a failed stream instead of throwing. */
export async function streamOutcome(model: LanguageModelV4, options: LanguageModelV4CallOptions): Promise<StreamOutcome> {
  let result: Awaited<ReturnType<LanguageModelV4['doStream']>>;
  try {
    result = await model.doStream(options);
  } catch (error) {
    return { parts: [], thrown: describeError(error) };
  }
  const parts: LanguageModelV4StreamPart[] = [];
  const outcome: StreamOutcome = {
    parts: [],
    requestBody: result.request?.body,
    responseHeaderNames: Object.keys(result.response?.headers ?? {}).sort(),
  };
  try {
    const reader = result.stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  } catch (error) {
    outcome.failed = describeError(error);
  }
  outcome.parts = normalise(parts);
  return outcome;
}
