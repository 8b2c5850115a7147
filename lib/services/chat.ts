import 'server-only';
import { convertToModelMessages, safeValidateUIMessages, wrapLanguageModel, zodSchema } from 'ai';
import { coalesceDeltasMiddleware } from '@/lib/ai/middleware/coalesce-deltas';
import { costOf } from '@/lib/ai/usage/cost-of';
import { eventLoopBusyMs } from '@/lib/ai/fallback/event-loop-busy';
import { createFallbackModel } from '@/lib/ai/fallback/fallback-model';
import { createFallbackTrace, type FallbackAttempt, type FallbackTrace } from '@/lib/ai/fallback/fallback-trace';
import type { HealthRegistry } from '@/lib/ai/health/health';
import { responseCacheMiddleware } from '@/lib/ai/middleware/response-cache';
import { overBudgetModels } from '@/lib/ai/rate-budget/over-budget';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';
import { routeRequest } from '@/lib/ai/routing/router';
import { chatTools, serverToolsMiddleware, type ChatTools } from '@/lib/ai/tools';
import { env } from '@/lib/env';
import { FlintError } from '@/lib/errors';
import type { ChatRequest } from '@/lib/chat/request';
import { messageMetadataSchema, type FlintUIMessage, type MessageMetadata } from '@/lib/chat/message';
import { plainConversation } from '@/lib/chat/plain-conversation';
import { chatErrorOf } from './chat-error';
import { chargeChatKey, type ChatKeyCharge } from './chat-key-charge';
import { chatNeeds } from './chat-needs';
import { streamChatSteps } from './chat-stream';
import { attemptsForLog, logRequest, type RequestRecord } from './request-log';
import type { GatewayKeyRow } from '@/lib/gateway/gateway-key';
import { recordChatUsage } from '@/lib/usage/record-chat-usage';
import { usageOfTrace } from '@/lib/usage/usage-of-trace';
import { runtime as processRuntime, type Runtime } from '@/lib/server/runtime';

const instructions =
  'You are Flint, a fast, friendly assistant. Answer clearly and concisely; use Markdown where it helps.';

// Built once: a zod schema made per request (`.optional()`, the SDK's wrapper) cost ~50 µs CPU each time.
const metadataOrNone = messageMetadataSchema.optional();
const optionalMetadata = zodSchema(metadataOrNone);
const checkMetadata = (metadata: unknown) => {
  const parsed = metadataOrNone.safeParse(metadata);
  return parsed.success ? { success: true as const, value: parsed.data } : { success: false as const };
};

/** How long a model may take to its first token before the next one is tried, by the tier it serves. */
const firstTokenTimeoutMs: Record<ModelEntry['tier'], number> = { speed: 1500, quality: 4000, vision: 6000, audio: 10_000 };
const totalTimeoutMs = 180_000;
/** Model calls per answer when tools are offered: tool rounds plus the final answer. */
const maxSteps = 5;

/** What the chat service needs besides the request; tests pass their own health and observe attempts. */
export interface ChatDependencies {
  /** Catalog, providers, health, budgets and cache; the process's own by default (tests pass a second instance's). */
  runtime?: Runtime;
  health?: HealthRegistry;
  /** Receives the request's one record (the route's logger); the request-log sink by default. */
  onRecord?: (record: RequestRecord) => void;
  /** Sees every attempt as the chain records it (metrics, live badges). */
  onAttempt?: (attempt: FallbackAttempt) => void;
  /** The gateway key the page's session is charged to (FLINT_REQUIRE_KEY): its models, limits and budget apply. */
  key?: GatewayKeyRow;
}

/**
 * Streams the assistant's reply to a chat as UI message chunks, through the router and the
 * fallback chain. Resolves once the reply has started, so a failure before the first token
 * becomes a typed error (and a real HTTP status). Every request leaves exactly one log record.
 */
export async function streamChat(
  request: ChatRequest,
  signal: AbortSignal,
  { runtime = processRuntime(), health = runtime.health, onAttempt, onRecord = logRequest, key }: ChatDependencies = {},
): Promise<ReadableStream<Uint8Array>> {
  const startedAt = Date.now();
  const trace: ChatTrace = createFallbackTrace();
  const { catalog, providers } = runtime;
  const find = catalog.find.bind(catalog);
  let offered: ChatTools | undefined;
  let charge: ChatKeyCharge | undefined;
  const charged = key && { id: key.id, prefix: key.prefix };
  // MCP clients stay open while tools may run, and close once however the answer ends.
  const closeTools = () => {
    void offered?.close();
    offered = undefined;
  };
  try {
    // Plain text chats skip the SDK's schema of every UI part; anything else (tools, files, provider metadata) takes it.
    const plain = plainConversation(request.messages, checkMetadata);
    const validated = plain ? { success: true as const, data: plain } : await safeValidateUIMessages<FlintUIMessage>({ messages: request.messages, metadataSchema: optionalMetadata });
    if (!validated.success) {
      throw new FlintError('bad_request:api', { message: 'The conversation contains a message Flint cannot read.' });
    }
    const needs = chatNeeds(request);
    const routed = routeRequest(needs, catalog, providers.configured);
    // Refused before tools open or any model is called; each tool step is a model call the hold covers.
    charge = key && (await chargeChatKey(key, routed, needs.estimatedPromptTokens, needs.needsTools ? maxSteps : 1, runtime.keyLimits));
    const candidates = charge?.candidates ?? routed;
    offered = needs.needsTools ? await chatTools({ groqTools: env.tools.groq, mcpServers: env.tools.mcpServers, models: candidates }) : undefined;
    const toolsInfo = offered && { tools: Object.keys(offered.tools), mcpServers: offered.mcpServers, notices: offered.notices };
    // Only with Groq's built-in tools on: the middleware reads every raw chunk, a cost per token.
    const serverTools = offered !== undefined && Object.values(offered.tools).some((tool) => tool.type === 'provider');
    trace.tier = candidates[0]!.tier;
    const overBudget = await overBudgetModels(runtime.budgets, candidates, needs.estimatedPromptTokens);
    const chain = createFallbackModel({
      // Each candidate drops the Groq built-in tools it cannot run and reports those Groq ran.
      candidates: candidates.map((entry) => {
        const model = providers.languageModel(entry);
        return { entry, model: serverTools ? wrapLanguageModel({ model, middleware: serverToolsMiddleware(entry) }) : model };
      }),
      health,
      firstTokenTimeoutMs: firstTokenTimeoutMs[candidates[0]!.tier],
      totalTimeoutMs,
      trace,
      // The first-token deadline measures the provider, not our own queue of streams.
      busyClock: eventLoopBusyMs,
      ...(onAttempt === undefined ? {} : { onAttempt }),
      ...(overBudget === undefined ? {} : { overBudget }),
    });
    // The cache sits outside the chain (a hit touches no provider and no breaker); tokens that arrive
    // in one network read travel on as one part: the SDK's cost is per part.
    const cache = responseCacheMiddleware({
      store: runtime.cacheStore, ttlMs: runtime.cacheTtlMs, route: `chat:${candidates.map((entry) => entry.id).join(',')}`,
      onHit: () => void (trace.fromCache = true),
    });
    const model = wrapLanguageModel({ model: chain, middleware: [cache, coalesceDeltasMiddleware()] });

    // One pull stream from the chain's parts to the SSE bytes, tool steps included (issue 14: the
    // SDK's streamText + toUIMessageStream cost 2.9x a byte pipe's CPU per request, this 1.8x).
    // Each step is its own call down the fallback chain, so a step that falls back carries the
    // earlier steps' tool results and no tool runs twice. The error object travels beside the
    // stream: the chunk's text cannot carry its class or retry-after.
    let streamError: FlintError | undefined;
    let ttftMs: number | undefined;
    const reply = await streamChatSteps({
      model,
      prompt: { instructions, messages: await convertToModelMessages(validated.data) },
      ...(offered ? { tools: offered.tools, maxSteps } : {}),
      abortSignal: signal,
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      sendReasoning: true,
      // A tool's error is the text the model saw (tools throw model-safe messages): the same in the page and in history.
      redactToolErrors: false,
      onError: (error) => {
        streamError = chatErrorOf(error);
        return JSON.stringify(streamError.toBody().error);
      },
      messageMetadata: (event): MessageMetadata => {
        if (event.type === 'start') return { createdAt: startedAt, ...(toolsInfo ? { tools: toolsInfo } : {}) };
        // A replayed answer names the model that first wrote it; the badge says "from cache" beside it.
        if (trace.fromCache && event.modelId !== undefined) trace.cachedModelId = event.modelId;
        return metadataOf(trace, event.finishReason === 'interrupted', find);
      },
      onEnd: (end) => {
        closeTools();
        const interrupted = trace.interrupted === true || (end.kind === 'closed' && end.finishReason === 'interrupted');
        const failed = end.kind === 'failed' || (end.kind === 'closed' && end.errored);
        const outcome = end.kind === 'cancelled' ? 'aborted' : failed ? 'error' : interrupted ? 'interrupted' : trace.continuedBy ? 'continued' : 'complete';
        onRecord(recordOf(trace, { startedAt, status: 200, result: outcome, ...(failed && streamError ? { errorCode: streamError.code } : {}) }, find));
        const status = outcome === 'complete' || outcome === 'continued' ? 'ok' : failed ? `error:${streamError?.status ?? 500}:${streamError?.code ?? 'stream'}` : outcome;
        charge?.settle(usageOfTrace(trace, find));
        recordChatUsage(trace, find, { status, durationMs: Date.now() - startedAt, ttftMs, key: charged });
      },
    });
    ttftMs = Date.now() - startedAt;
    return reply;
  } catch (error) {
    closeTools();
    const flintError = signal.aborted ? undefined : chatErrorOf(error);
    onRecord(
      recordOf(
        trace,
        { startedAt, status: flintError?.status ?? 499, result: flintError ? 'error' : 'aborted', ...(flintError ? { errorCode: flintError.code } : {}) },
        find,
      ),
    );
    charge?.settle(usageOfTrace(trace, find));
    recordChatUsage(trace, find, { status: flintError ? `error:${flintError.status}:${flintError.code}` : 'aborted', durationMs: Date.now() - startedAt, key: charged });
    throw flintError ?? error;
  }
}

/** The chain's trace plus what the service learns around it. */
type ChatTrace = FallbackTrace & { tier?: string; fromCache?: boolean; cachedModelId?: string };

/** The one log record of a chat request, built from its trace. */
function recordOf(
  trace: ChatTrace,
  end: { startedAt: number; status: number; result: RequestRecord['result']; errorCode?: string },
  find: (id: string) => ModelEntry | undefined,
): RequestRecord {
  return {
    route: '/api/chat',
    status: end.status,
    durationMs: Date.now() - end.startedAt,
    result: end.result,
    ...(end.errorCode === undefined ? {} : { errorCode: end.errorCode }),
    ...(trace.tier === undefined ? {} : { tier: trace.tier }),
    ...(trace.fromCache ? { fromCache: true } : {}),
    ...(trace.servedBy ? { servedBy: trace.servedBy.id } : {}),
    ...(trace.continuedBy ? { continuedBy: trace.continuedBy.id } : {}),
    attempts: attemptsForLog(trace.attempts),
    ...(trace.usage?.inputTokens.total === undefined ? {} : { inputTokens: trace.usage.inputTokens.total }),
    ...(trace.usage?.outputTokens.total === undefined ? {} : { outputTokens: trace.usage.outputTokens.total }),
    costUsd: costOfTrace(trace, find),
  };
}

function costOfTrace(trace: FallbackTrace, find: (id: string) => ModelEntry | undefined): number {
  let costUsd = 0;
  for (const attempt of trace.attempts) {
    const entry = find(attempt.modelId);
    if (entry && attempt.usage) {
      costUsd += costOf(entry, { inputTokens: attempt.usage.inputTokens.total, outputTokens: attempt.usage.outputTokens.total });
    }
  }
  return costUsd;
}

/** What the badge under an answer shows: who served, what was tried, tokens and cost. */
function metadataOf(trace: ChatTrace, interrupted: boolean, find: (id: string) => ModelEntry | undefined): MessageMetadata {
  const cached = trace.fromCache && trace.cachedModelId !== undefined ? find(trace.cachedModelId) : undefined;
  return {
    model: trace.servedBy?.label ?? cached?.label ?? (trace.fromCache ? trace.cachedModelId : undefined),
    provider: trace.servedBy?.provider ?? cached?.provider,
    attempts: trace.attempts.map((attempt) => ({ model: attempt.label, provider: attempt.provider, outcome: attempt.outcome, ms: Math.round(attempt.ms) })),
    continuedBy: trace.continuedBy?.label,
    interrupted: interrupted || trace.interrupted || undefined,
    inputTokens: trace.usage?.inputTokens.total,
    outputTokens: trace.usage?.outputTokens.total,
    costUsd: costOfTrace(trace, find),
    ...(trace.fromCache ? { cache: true } : {}),
  };
}
