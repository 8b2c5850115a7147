import type { LanguageModelV4 } from '@ai-sdk/provider';
import { FlintError } from '@/lib/errors';
import type { FallbackCandidate } from './fallback-run';
import type { ModelEntry } from '../catalog/model-entry';
import type { FallbackAttempt, FallbackTrace } from './fallback-trace';
import { generateWithFallback } from './generate-with-fallback';
import type { HealthRegistry } from '../health/health';
import type { BusyClock } from './provider-clock';
import { streamWithFallback } from './stream-with-fallback';

/** Options of one request's fallback chain. */
export interface FallbackModelOptions {
  /** Ordered candidates (from the router), each with the SDK model that calls it. */
  candidates: readonly FallbackCandidate[];
  /** Shared provider health: breakers are read before and updated after every attempt. */
  health: HealthRegistry;
  /** Streaming only: an attempt with no text, reasoning or tool output by then is dropped for the next. */
  firstTokenTimeoutMs: number;
  /** Deadline for a whole doStream/doGenerate call, fallbacks and continuations included. */
  totalTimeoutMs: number;
  /** Per-request record of attempts, filled in as the call runs. */
  trace: FallbackTrace;
  /** Clock for the milliseconds in the trace. */
  now?: () => number;
  /** Observes every attempt as it is recorded: one place for the request log, metrics and the badge. */
  onAttempt?: (attempt: FallbackAttempt) => void;
  /** Cumulative busy time of our event loop, not charged to a provider's first-token deadline. */
  busyClock?: BusyClock;
  /** Skips a candidate whose provider-reported budget cannot cover the request (see lib/ai/rate-budget/over-budget.ts). */
  overBudget?: (entry: ModelEntry) => number | undefined;
}

/**
 * A LanguageModelV4 that walks the candidates: transparent fallback before the first token,
 * continuation on another model after it, typed errors when nothing can answer. Create one per
 * request (call with `maxRetries: 0`: retries live here). Errors: AllModelsFailedError,
 * RequestRejectedError (400: one call, no fallback), a FlintError for a request our own
 * process refused or failed on (no fallback, health untouched), or the caller's abort reason.
 */
export function createFallbackModel(options: FallbackModelOptions): LanguageModelV4 {
  const first = options.candidates[0];
  if (first === undefined) throw new FlintError('unavailable:chat', { message: 'No model can serve this request.' });
  const context = { ...options, now: options.now ?? (() => performance.now()) };
  return {
    specificationVersion: 'v4',
    provider: first.entry.provider,
    modelId: first.entry.id,
    // No URL is claimed, so the SDK downloads files and every candidate receives the same data.
    supportedUrls: {},
    doGenerate: (callOptions) => generateWithFallback(context, callOptions),
    doStream: (callOptions) => streamWithFallback(context, callOptions),
  };
}
