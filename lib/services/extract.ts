import 'server-only';
import type { ModelMessage } from 'ai';
import { generateText, jsonSchema, NoObjectGeneratedError, Output, wrapLanguageModel } from 'ai';
import { AllModelsFailedError } from '@/lib/ai/fallback/all-models-failed-error';
import type { Catalog } from '@/lib/ai/catalog/catalog';
import { costOf } from '@/lib/ai/usage/cost-of';
import { createFallbackModel } from '@/lib/ai/fallback/fallback-model';
import { createFallbackTrace, type AttemptOutcome, type FallbackTrace } from '@/lib/ai/fallback/fallback-trace';
import type { HealthRegistry } from '@/lib/ai/health/health';
import type { FallbackAttempt } from '@/lib/ai/fallback/fallback-trace';
import { responseCacheMiddleware } from '@/lib/ai/middleware/response-cache';
import { overBudgetModels } from '@/lib/ai/rate-budget/over-budget';
import type { ModelEntry, ProviderName } from '@/lib/ai/catalog/model-entry';
import { RequestRejectedError } from '@/lib/ai/fallback/request-rejected-error';
import { routeRequest } from '@/lib/ai/routing/router';
import { estimateTokens } from '@/lib/ai/routing/estimate-tokens';
import { FlintError } from '@/lib/errors';
import { extractOutputMiddleware } from './extract-output-middleware';
import { extractPrompt, repairPrompt } from './extract-prompt';
import type { ExtractSchema } from './extract-schema';
import { runtime as processRuntime, type Runtime } from '@/lib/server/runtime';

/** What to extract from: text, an image (base64 data URL of an accepted type), or both. */
export interface ExtractInput {
  text?: string;
  image?: { mediaType: string; dataUrl: string };
  schema: ExtractSchema;
}

/** One model call of an extraction, for the caller and the logs. */
export interface ExtractAttempt {
  model: string;
  provider: ProviderName;
  outcome: AttemptOutcome | 'invalid_object';
  /** True for the call that re-asked with the validation error. */
  repair: boolean;
  ms: number;
}

/** The answer of /api/extract. */
export interface ExtractResult {
  object: unknown;
  model: string;
  provider: ProviderName;
  attempts: ExtractAttempt[];
  usage: { inputTokens: number; outputTokens: number };
  costUsd: number;
  /** Every call was answered from the response cache: no provider was called. */
  fromCache?: true;
}

/** What extraction needs besides the input; the process's runtime by default. */
export interface ExtractDependencies {
  runtime?: Runtime;
  health?: HealthRegistry;
  /** Sees every attempt as the chain records it (the route's log and metrics). */
  onAttempt?: (attempt: FallbackAttempt) => void;
}

const totalTimeoutMs = 60_000;
const tokensPerImage = 1000;

type CallOutcome =
  | { valid: true; object: unknown; servedBy: ModelEntry }
  | { valid: false; text: string; issue: string; servedBy: ModelEntry | undefined; repairable: boolean };

function providerCodeDetail(error: RequestRejectedError): string {
  const body = (error.cause as { responseBody?: unknown } | undefined)?.responseBody;
  try {
    const parsed = typeof body === 'string' ? (JSON.parse(body) as { error?: { failed_generation?: unknown } }) : undefined;
    return typeof parsed?.error?.failed_generation === 'string' ? parsed.error.failed_generation : '';
  } catch {
    return '';
  }
}

/**
 * Extracts one schema-valid object through the router and the fallback chain: strict json_schema
 * where a model decodes strictly, best-effort JSON plus validation elsewhere. An invalid object is
 * repaired once on the model that produced it (re-asked with the validation error); if that fails
 * too, the next model starts afresh. Throws FlintError (`no_object:extract`,
 * `unavailable:extract`) or the router's FlintError; the caller's abort reason on abort.
 */
export async function extractObject(
  input: ExtractInput,
  signal: AbortSignal,
  { runtime = processRuntime(), health = runtime.health, onAttempt }: ExtractDependencies = {},
): Promise<ExtractResult> {
  const { catalog, providers } = runtime;
  const { instructions, messages } = extractPrompt(input);
  const estimatedPromptTokens = estimateTokens(instructions + (input.text ?? '')) + (input.image ? tokensPerImage : 0);
  const candidates = routeRequest(
    { tier: 'speed', hasImages: input.image !== undefined, needsTools: false, needsJson: true, estimatedPromptTokens },
    catalog,
    providers.configured,
  );
  const trace = createFallbackTrace();
  const attempts: ExtractAttempt[] = [];
  const overBudget = await overBudgetModels(runtime.budgets, candidates, estimatedPromptTokens);
  let cacheHits = 0;
  let calls = 0;

  const call = async (from: number, prompt: ModelMessage[], repair: boolean): Promise<CallOutcome> => {
    const chain = createFallbackModel({
      candidates: candidates.slice(from).map((entry) => ({
        entry,
        model: wrapLanguageModel({ model: providers.languageModel(entry), middleware: extractOutputMiddleware(entry, input.schema.strictShaped) }),
      })),
      health,
      firstTokenTimeoutMs: totalTimeoutMs,
      totalTimeoutMs,
      trace,
      ...(onAttempt === undefined ? {} : { onAttempt }),
      ...(overBudget === undefined ? {} : { overBudget }),
    });
    // Extraction is deterministic by intent (same text, same schema, same object): cache it outside the chain.
    const cached = wrapLanguageModel({
      model: chain,
      middleware: responseCacheMiddleware({
        store: runtime.cacheStore, ttlMs: runtime.cacheTtlMs, route: `extract:${candidates.slice(from).map((entry) => entry.id).join(',')}`,
        onHit: () => void (cacheHits += 1),
      }),
    });
    calls += 1;
    const before = trace.attempts.length;
    trace.servedBy = undefined;
    const record = (invalid: boolean) => {
      for (const attempt of trace.attempts.slice(before)) {
        attempts.push({ model: attempt.modelId, provider: attempt.provider, outcome: invalid && attempt.outcome === 'ok' ? 'invalid_object' : attempt.outcome, repair, ms: Math.round(attempt.ms) });
      }
    };
    try {
      const result = await generateText({
        model: cached,
        providerOptions: { flint: { cache: true } },
        instructions,
        messages: prompt,
        output: Output.object({ schema: jsonSchema(input.schema.jsonSchema, { validate: validateWith(input.schema) }) }),
        abortSignal: signal,
        maxRetries: 0, // retries and fallback live in the chain
      });
      record(false);
      return { valid: true, object: result.output, servedBy: trace.servedBy ?? candidates[from]! };
    } catch (error) {
      if (NoObjectGeneratedError.isInstance(error)) {
        record(true);
        return { valid: false, text: error.text ?? '', issue: issueOf(error), servedBy: trace.servedBy, repairable: true };
      }
      record(false);
      if (RequestRejectedError.isInstance(error)) {
        // The model rejected this request (json_validate_failed, or a schema it will not take): the next one may not.
        const last = error.attempts.at(-1);
        const servedBy = last ? catalog.find(last.modelId) : undefined;
        const jsonFailed = error.providerCode === 'json_validate_failed';
        return { valid: false, text: jsonFailed ? providerCodeDetail(error) : '', issue: 'the answer was not valid JSON', servedBy, repairable: jsonFailed };
      }
      if (AllModelsFailedError.isInstance(error)) {
        throw new FlintError('unavailable:extract', { cause: error, retryable: error.retryable });
      }
      throw error;
    }
  };

  let from = 0;
  while (from < candidates.length) {
    const first = await call(from, messages, false);
    if (first.valid) return withCache(resultOf(first.object, first.servedBy, attempts, trace, catalog), cacheHits === calls);
    let servedIndex = first.servedBy ? candidates.indexOf(first.servedBy) : from;
    if (first.repairable && servedIndex >= 0) {
      const repaired = await call(servedIndex, [...messages, ...repairPrompt(first.text, first.issue)], true);
      if (repaired.valid) return withCache(resultOf(repaired.object, repaired.servedBy, attempts, trace, catalog), cacheHits === calls);
      if (repaired.servedBy) servedIndex = Math.max(servedIndex, candidates.indexOf(repaired.servedBy));
    }
    from = Math.max(servedIndex, from) + 1;
  }
  runtime.log.warn({ attempts }, 'extraction produced no valid object');
  throw new FlintError('no_object:extract');
}

function withCache(result: ExtractResult, fromCache: boolean): ExtractResult {
  return fromCache ? { ...result, fromCache: true } : result;
}

function validateWith(schema: ExtractSchema) {
  return (value: unknown) => {
    const parsed = schema.validator.safeParse(value);
    if (parsed.success) return { success: true as const, value: parsed.data };
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    return { success: false as const, error: new Error(issues.join('; ')) };
  };
}

function issueOf(error: NoObjectGeneratedError): string {
  const cause = error.cause as { cause?: unknown; message?: unknown } | undefined;
  const inner = cause?.cause instanceof Error ? cause.cause.message : undefined;
  return inner ?? (typeof cause?.message === 'string' ? cause.message : 'the answer did not match the schema');
}

/** The answer, with tokens and cost summed over every call, invalid answers included: they were paid for. */
function resultOf(object: unknown, servedBy: ModelEntry, attempts: ExtractAttempt[], trace: FallbackTrace, catalog: Catalog): ExtractResult {
  let inputTokens = 0;
  let outputTokens = 0;
  let costUsd = 0;
  for (const attempt of trace.attempts) {
    if (!attempt.usage) continue;
    const usage = { inputTokens: attempt.usage.inputTokens.total ?? 0, outputTokens: attempt.usage.outputTokens.total ?? 0 };
    inputTokens += usage.inputTokens;
    outputTokens += usage.outputTokens;
    const entry = catalog.find(attempt.modelId);
    if (entry) costUsd += costOf(entry, usage);
  }
  return { object, model: servedBy.id, provider: servedBy.provider, attempts, usage: { inputTokens, outputTokens }, costUsd };
}
