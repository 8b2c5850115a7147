import 'server-only';
import {
  convertToModelMessages,
  safeValidateUIMessages,
  experimental_streamTextLowMemory as streamTextLowMemory,
  toUIMessageStream,
  wrapLanguageModel,
  type ToolSet,
  type UIMessageChunk,
} from 'ai';
import { coalesceDeltasMiddleware } from '@/lib/ai/coalesce-deltas';
import { costOf } from '@/lib/ai/cost-of';
import { createFallbackModel } from '@/lib/ai/fallback-model';
import { createFallbackTrace, type FallbackTrace } from '@/lib/ai/fallback-trace';
import { health as sharedHealth, type HealthRegistry } from '@/lib/ai/health';
import type { ModelEntry } from '@/lib/ai/model-entry';
import { routeRequest } from '@/lib/ai/router';
import { FlintError } from '@/lib/errors';
import type { ChatRequest } from '@/lib/chat/request';
import { messageMetadataSchema, type FlintUIMessage, type MessageMetadata } from '@/lib/chat/message';
import { chatErrorOf } from './chat-error';
import { chatNeeds } from './chat-needs';
import { firstContent } from './first-content';
import { runtime } from './runtime';

const instructions =
  'You are Flint, a fast, friendly assistant. Answer clearly and concisely; use Markdown where it helps.';

/** How long a model may take to its first token before the next one is tried, by the tier it serves. */
const firstTokenTimeoutMs: Record<ModelEntry['tier'], number> = { speed: 1500, quality: 4000, vision: 6000, audio: 10_000 };
const totalTimeoutMs = 180_000;

/**
 * Streams the assistant's reply to a chat as UI message chunks, through the router and the
 * fallback chain. Resolves once the reply has started, so a failure before the first token
 * becomes a typed error (and a real HTTP status).
 */
export async function streamChat(
  request: ChatRequest,
  signal: AbortSignal,
  { health = sharedHealth }: { health?: HealthRegistry } = {},
): Promise<ReadableStream<UIMessageChunk>> {
  const validated = await safeValidateUIMessages<FlintUIMessage>({
    messages: request.messages,
    metadataSchema: messageMetadataSchema.optional(),
  });
  if (!validated.success) {
    throw new FlintError('bad_request:api', { message: 'The conversation contains a message Flint cannot read.' });
  }
  const { catalog, providers } = runtime();
  const candidates = routeRequest(chatNeeds(request), catalog, providers.configured);
  const trace = createFallbackTrace();
  const chain = createFallbackModel({
    candidates: candidates.map((entry) => ({ entry, model: providers.languageModel(entry) })),
    health,
    firstTokenTimeoutMs: firstTokenTimeoutMs[candidates[0]!.tier],
    totalTimeoutMs,
    trace,
  });
  // Tokens that arrive in one network read travel on as one part: the SDK's cost is per part.
  const model = wrapLanguageModel({ model: chain, middleware: coalesceDeltasMiddleware() });

  const startedAt = Date.now();
  // One consumer (the UI stream) and no final-content getters: the low-memory variant keeps no replay buffer.
  const result = streamTextLowMemory({
    model,
    instructions,
    messages: await convertToModelMessages(validated.data),
    abortSignal: signal,
    maxRetries: 0, // retries and fallback live in the chain
    // The UI stream's onError below maps and logs each error once; the SDK default would dump it again.
    onError: () => {},
  });

  const stream = toUIMessageStream<ToolSet, FlintUIMessage>({
    stream: result.stream,
    sendReasoning: true,
    onError: (error) => JSON.stringify(chatErrorOf(error).toBody().error),
    messageMetadata: ({ part }): MessageMetadata | undefined => {
      if (part.type === 'start') return { createdAt: startedAt };
      if (part.type === 'finish') {
        logFallbacks(trace);
        return metadataOf(trace, part.finishReason === 'interrupted', catalog.find.bind(catalog));
      }
      return undefined;
    },
  });
  return firstContent(stream);
}

/** Operators see every fallback in the server log, with the provider's detail the user never sees. */
function logFallbacks(trace: FallbackTrace) {
  const failed = trace.attempts.filter((attempt) => attempt.outcome !== 'ok' && !attempt.outcome.startsWith('skipped'));
  if (failed.length === 0 && !trace.interrupted) return;
  console.warn('[flint] chat fell back', {
    servedBy: trace.servedBy?.id,
    continuedBy: trace.continuedBy?.id,
    interrupted: trace.interrupted ?? false,
    failed: failed.map(({ modelId, outcome, status, ms, detail }) => ({ modelId, outcome, status, ms: Math.round(ms), detail })),
  });
}

/** What the badge under an answer shows: who served, what was tried, tokens and cost. */
function metadataOf(trace: FallbackTrace, interrupted: boolean, find: (id: string) => ModelEntry | undefined): MessageMetadata {
  let costUsd = 0;
  for (const attempt of trace.attempts) {
    const entry = find(attempt.modelId);
    if (entry && attempt.usage) {
      costUsd += costOf(entry, { inputTokens: attempt.usage.inputTokens.total, outputTokens: attempt.usage.outputTokens.total });
    }
  }
  return {
    model: trace.servedBy?.label,
    provider: trace.servedBy?.provider,
    attempts: trace.attempts.map((attempt) => ({ model: attempt.label, provider: attempt.provider, outcome: attempt.outcome, ms: Math.round(attempt.ms) })),
    continuedBy: trace.continuedBy?.label,
    interrupted: interrupted || trace.interrupted || undefined,
    inputTokens: trace.usage?.inputTokens.total,
    outputTokens: trace.usage?.outputTokens.total,
    costUsd,
  };
}
