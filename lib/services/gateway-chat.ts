import 'server-only';
import { randomUUID } from 'node:crypto';
import { wrapLanguageModel } from 'ai';
import { createFallbackModel } from '@/lib/ai/fallback/fallback-model';
import { responseCacheMiddleware } from '@/lib/ai/middleware/response-cache';
import { createFallbackTrace, type FallbackTrace } from '@/lib/ai/fallback/fallback-trace';
import { createHealthRegistry, type HealthRegistry } from '@/lib/ai/health/health';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';
import type { Providers } from '@/lib/ai/providers';
import type { Database } from '@/lib/db/database';
import { sharedDatabase } from '@/lib/db/shared-database';
import { authenticate, type GatewayCaller } from '@/lib/gateway/authenticate';
import { budgetsOf } from '@/lib/gateway/budgets-of';
import { byoProviders } from '@/lib/gateway/byo-providers';
import { secondsUntilReset, type BudgetPeriod } from '@/lib/gateway/budget-period';
import type { ChatCompletionRequest } from '@/lib/gateway/chat-completion-request';
import { completionBody } from '@/lib/gateway/completion-body';
import { completionStream, type StreamOutcome } from '@/lib/gateway/completion-stream';
import { gatewayRoute } from '@/lib/gateway/gateway-models';
import type { KeyAdmission } from '@/lib/gateway/key-rate-limits';
import { providerRateLimitHeaders } from '@/lib/gateway/provider-rate-limit-headers';
import { currentPeriodStart } from '@/lib/gateway/key-store';
import { GatewayError, gatewayErrorOf } from '@/lib/gateway/openai-error';
import { reservationUsd } from '@/lib/gateway/reservation';
import { toCallOptions } from '@/lib/gateway/to-call-options';
import { xFlint, xFlintHeaders } from '@/lib/gateway/x-flint';
import { recordUsage } from '@/lib/usage/record-usage';
import { trackWrite } from '@/lib/usage/pending-writes';
import type { UsageSurface } from '@/lib/usage/usage-row';
import { usageOfTrace } from '@/lib/usage/usage-of-trace';
import { runtime } from '@/lib/server/runtime';
import { traceLedgerFields } from '@/lib/usage/trace-ledger-fields';

/** A gateway answer, without a Response: JSON or an SSE byte stream, with its status and headers. */
export type GatewayReply =
  | { status: number; headers: Record<string, string>; json: unknown }
  | { status: 200; headers: Record<string, string>; stream: ReadableStream<Uint8Array> };

/** What the service uses; tests may pass their own health registry and database. */
export interface GatewayChatDependencies {
  health?: HealthRegistry;
  database?: Database;
  /** The ledger surface of the call: `v1` unless a batch line runs through here. */
  surface?: Extract<UsageSurface, 'v1' | 'batch'>;
}

/** How long a model may take to its first token before the next one is tried, by the tier it serves. */
const firstTokenTimeoutMs: Record<ModelEntry['tier'], number> = { speed: 1500, quality: 4000, vision: 6000, audio: 10_000 };
const totalTimeoutMs = 180_000;

/**
 * POST /v1/chat/completions: authenticates the key, routes `model`, holds the budget, calls the
 * fallback chain's LanguageModelV4 directly and answers in OpenAI's format; every call lands in the ledger.
 */
export async function gatewayChat(
  request: ChatCompletionRequest,
  caller: GatewayCaller,
  signal: AbortSignal,
  dependencies: GatewayChatDependencies = {},
): Promise<GatewayReply> {
  const startedAt = performance.now();
  const database = dependencies.database ?? (await sharedDatabase());
  const { db } = database;
  const budgets = budgetsOf(database);
  const { catalog } = runtime();
  const { providers, health, spendsServerCredit } = providersFor(caller, dependencies.health ?? runtime().health);
  let translated: ReturnType<typeof toCallOptions>;
  let route: ReturnType<typeof gatewayRoute>;
  let holdUsd = 0;
  let admission: KeyAdmission | undefined;
  try {
    translated = toCallOptions(request);
    route = gatewayRoute(request.model, translated, catalog, providers.configured, caller.key.models);
    if (caller.key.rpm !== null || caller.key.tpm !== null) {
      const maxOutput = translated.options.maxOutputTokens ?? (route.candidates[0]!.maxOutput || 4096);
      admission = await runtime().keyLimits.admit(caller.key, translated.estimatedPromptTokens + maxOutput);
      if (!admission.ok) {
        const what = admission.limit === 'rpm' ? `${caller.key.rpm} requests` : `${caller.key.tpm} tokens`;
        throw new GatewayError(429, 'rate_limit_exceeded', `This key is limited to ${what} per minute. Try again shortly.`, {
          retryAfterSeconds: Math.max(1, Math.ceil(admission.retryAfterMs / 1000)),
        });
      }
    }
    holdUsd = spendsServerCredit ? reservationUsd(route.candidates, translated.estimatedPromptTokens, translated.options.maxOutputTokens) : 0;
    if (spendsServerCredit && !(await budgets.reserve(caller.key.id, holdUsd, currentPeriodStart(caller.key)))) {
      const wait = secondsUntilReset(caller.key.period as BudgetPeriod, new Date());
      throw new GatewayError(429, 'insufficient_quota', 'This key has used its budget for the period.', {
        type: 'insufficient_quota',
        ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
      });
    }
  } catch (error) {
    // Refused before any model was called (unknown or forbidden model, exhausted budget): still one ledger row.
    const refused = gatewayErrorOf(error);
    // No model was called: the tokens charged at admission are given back.
    if (admission?.ok === true) trackWrite(admission.settleTokens(0));
    const empty = { inputTokens: 0, cachedTokens: 0, outputTokens: 0, costUsd: 0 };
    const details = { status: `error:${refused.status}:${refused.code}`, ttftMs: undefined, durationMs: performance.now() - startedAt, estimated: false };
    trackWrite(recordUsage(ledgerRow(caller, createFallbackTrace(), empty, details, dependencies.surface), db));
    throw error;
  }

  const trace = createFallbackTrace();
  let cacheHit = false;
  // The cache sits outside the chain: a hit calls no provider and moves no breaker (temperature 0 only).
  const chain = wrapLanguageModel({
    model: createFallbackModel({
      candidates: route.candidates.map((entry) => ({ entry, model: providers.languageModel(entry) })),
      health,
      firstTokenTimeoutMs: firstTokenTimeoutMs[route.candidates[0]!.tier],
      totalTimeoutMs,
      trace,
    }),
    middleware: responseCacheMiddleware({
      store: runtime().cacheStore,
      ttlMs: runtime().cacheTtlMs,
      route: `v1:${route.candidates.map((entry) => entry.id).join(',')}`,
      onHit: () => void (cacheHit = true),
    }),
  });
  const find = catalog.find.bind(catalog);
  const meta = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model: request.model };
  let ttftMs: number | undefined;
  let settled = false;
  const settle = (status: string, options: { estimatedOutputTokens?: number } = {}) => {
    if (settled) return;
    settled = true;
    const usage = usageOfTrace(trace, find);
    const served = trace.servedBy ?? route.candidates[0];
    if (options.estimatedOutputTokens !== undefined && served && !('perAudioHour' in served.price)) {
      // An abandoned stream never reported usage: charge what was sent, at the serving model's output price.
      usage.outputTokens += options.estimatedOutputTokens;
      usage.costUsd += (options.estimatedOutputTokens * served.price.outputPerMillion) / 1_000_000;
    }
    const billedUsd = spendsServerCredit ? usage.costUsd : 0;
    if (spendsServerCredit) budgets.settle(caller.key.id, holdUsd, billedUsd);
    if (admission?.ok === true) trackWrite(admission.settleTokens(usage.inputTokens + usage.outputTokens));
    trackWrite(recordUsage(ledgerRow(caller, trace, usage, { status, ttftMs, durationMs: performance.now() - startedAt, estimated: options.estimatedOutputTokens !== undefined, cacheHit }, dependencies.surface), db));
    return usage;
  };

  try {
    if (request.stream) {
      const result = await chain.doStream({ ...translated.options, abortSignal: signal });
      ttftMs = performance.now() - startedAt;
      const stream = completionStream(result.stream, { ...meta, includeUsage: request.stream_options?.include_usage === true }, {
        summarize: () => {
          const usage = usageOfTrace(trace, find);
          return { usage, xFlint: xFlint(trace, usage.costUsd, route.replaced, cacheHit) };
        },
        onEnd: (outcome: StreamOutcome) =>
          settle(outcome.status, outcome.status === 'aborted' ? { estimatedOutputTokens: outcome.estimatedOutputTokens } : {}),
      });
      return { status: 200, headers: { ...sseHeaders, ...xFlintHeaders(trace, route.replaced, cacheHit) }, stream };
    }
    const result = await chain.doGenerate({ ...translated.options, abortSignal: signal });
    ttftMs = performance.now() - startedAt;
    const usage = settle('ok') ?? usageOfTrace(trace, find);
    return { status: 200, headers: { ...providerRateLimitHeaders(result.response?.headers), ...xFlintHeaders(trace, route.replaced, cacheHit) }, json: completionBody(result, meta, usage, xFlint(trace, usage.costUsd, route.replaced, cacheHit)) };
  } catch (error) {
    settle(signal.aborted ? 'aborted' : `error:${gatewayErrorOf(error).status}`);
    throw error;
  }
}

/** The caller of a gateway request (401 for a missing, unknown or revoked key), checked before the body is read. */
export async function gatewayCaller(headers: Headers): Promise<GatewayCaller> {
  const database = await sharedDatabase();
  // PGlite belongs to this process alone, so its keys can be cached; Postgres is shared by instances and is read every time.
  return authenticate(headers, database.db, { cache: database.kind === 'pglite' });
}

const sseHeaders = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' };

/**
 * The server's providers, or for a bring-your-own-key call a Groq provider with the caller's key
 * (and the server's OpenAI backup only when the key allows it), with health of its own so the
 * caller's key problems never mark the server's provider sick.
 */
function providersFor(caller: GatewayCaller, health: HealthRegistry): { providers: Providers; health: HealthRegistry; spendsServerCredit: boolean } {
  if (caller.providerKey === undefined) return { providers: runtime().providers, health, spendsServerCredit: true };
  return {
    providers: byoProviders(caller.providerKey, caller.key.allowServerFallback),
    health: createHealthRegistry({ logError: () => {} }),
    spendsServerCredit: caller.key.allowServerFallback,
  };
}

function ledgerRow(
  caller: GatewayCaller,
  trace: FallbackTrace,
  usage: ReturnType<typeof usageOfTrace>,
  details: { status: string; ttftMs: number | undefined; durationMs: number; estimated: boolean; cacheHit?: boolean },
  surface: Extract<UsageSurface, 'v1' | 'batch'> = 'v1',
) {
  return {
    keyId: caller.key.id,
    keyPrefix: caller.key.prefix,
    surface,
    ...traceLedgerFields(trace, usage, details),
    cacheHit: details.cacheHit === true,
    estimated: details.estimated,
    byoKey: caller.providerKey !== undefined,
  };
}
