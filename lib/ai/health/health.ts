import { addCall, pruneCalls, windowFailures, windowTripped, type BreakerPolicy, type BreakerRecord, type OpenCause } from './breaker';
import type { ProviderName } from '../catalog/model-entry';

/** A model as the health registry knows it. */
export interface HealthModel {
  provider: ProviderName;
  id: string;
}

/** closed: use it; open: skip it until `until`; half-open: a few probe requests may try it. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * How a failure affects health: `transient` counts in the breaker's window of recent calls,
 * `rate_limited` opens it for exactly the retry-after when one is given, `unavailable` opens it
 * for a long cooldown (model gone, quota exhausted), `auth` marks the whole provider misconfigured.
 */
export type FailureKind = 'transient' | 'rate_limited' | 'unavailable' | 'auth';

/** Whether a request may call a model now; every admitted call must end in exactly one record or `release`. */
export type Admission =
  | { admitted: true; probe: boolean }
  | { admitted: false; reason: 'open' | 'probing' | 'misconfigured'; cause?: OpenCause; until?: number; retryAfterMs?: number };

/** The state shown by /api/health. */
export interface HealthSnapshot {
  models: Array<{
    key: string;
    provider: ProviderName;
    modelId: string;
    state: BreakerState;
    /** Epoch ms at which an open breaker turns half-open. */
    until?: number;
    openCause?: OpenCause;
    consecutiveFailures: number;
    /** Calls and failures in the sliding window. */
    recentCalls?: number;
    recentFailures?: number;
  }>;
  providers: Array<{ provider: ProviderName; status: 'ok' | 'misconfigured'; since?: number }>;
}

/** Shared provider health: a circuit breaker per model and a misconfigured flag per provider. */
export interface HealthRegistry {
  admit(model: HealthModel): Admission;
  recordSuccess(model: HealthModel): void;
  recordFailure(model: HealthModel, failure: { kind: FailureKind; retryAfterMs?: number }): void;
  /** Ends an admitted call whose outcome says nothing about health (a 400, a user abort). */
  release(model: HealthModel): void;
  isMisconfigured(provider: ProviderName): boolean;
  snapshot(models?: readonly HealthModel[]): HealthSnapshot;
}

/** Tunables of the registry; `now` is injectable so tests control time. */
export interface HealthOptions {
  now?: () => number;
  /** The sliding window a breaker judges (resilience4j's time-based window, Envoy's interval). */
  windowMs?: number;
  /** Calls the window needs before it may open the breaker. */
  minimumCalls?: number;
  /** Share of failed calls in the window that opens the breaker. */
  failureRatio?: number;
  cooldownMs?: number;
  /** How long a model that is gone (404, decommissioned, out of quota) is skipped. */
  unavailableCooldownMs?: number;
  /** After a 401/403, how long the provider is skipped before one more request may try it. */
  authRecheckMs?: number;
  /** Probes a half-open breaker admits at once. */
  halfOpenProbes?: number;
  /** A probe that never reports back stops blocking the half-open breaker after this long. */
  probeLeaseMs?: number;
  logError?: (message: string) => void;
}

interface ProviderHealth {
  misconfiguredSince: number | undefined;
  recheckAt: number;
}

/** Creates an in-memory health registry; the app's lives in lib/server/runtime.ts (shared through the Store there), tests make their own. */
export function createHealthRegistry(options: HealthOptions = {}): HealthRegistry {
  const now = options.now ?? Date.now;
  const policy: BreakerPolicy = {
    windowMs: options.windowMs ?? 10_000,
    minimumCalls: options.minimumCalls ?? 3,
    failureRatio: options.failureRatio ?? 0.5,
    maxCalls: 100,
  };
  const cooldownMs = options.cooldownMs ?? 30_000;
  const unavailableCooldownMs = options.unavailableCooldownMs ?? 300_000;
  const authRecheckMs = options.authRecheckMs ?? 60_000;
  const halfOpenProbes = options.halfOpenProbes ?? 3;
  const probeLeaseMs = options.probeLeaseMs ?? 120_000;
  const logError = options.logError ?? ((message: string) => console.error(message));
  // Plain data keyed by `provider:model`: what a shared store would hold.
  const breakers = new Map<string, BreakerRecord>();
  const providers = new Map<ProviderName, ProviderHealth>();

  function breakerOf(model: HealthModel): BreakerRecord {
    const key = `${model.provider}:${model.id}`;
    let breaker = breakers.get(key);
    if (breaker === undefined) {
      breaker = { provider: model.provider, modelId: model.id, calls: [], probes: [], consecutiveFailures: 0 };
      breakers.set(key, breaker);
    }
    return breaker;
  }

  function stateOf(breaker: BreakerRecord, at: number): BreakerState {
    if (breaker.openUntil === undefined) return 'closed';
    if (at < breaker.openUntil) return 'open';
    // The provider said when to come back: after its retry-after the model is simply usable again.
    if (breaker.openCause === 'rate_limited') {
      close(breaker);
      return 'closed';
    }
    return 'half-open';
  }

  function open(breaker: BreakerRecord, forMs: number, cause: OpenCause) {
    const until = now() + forMs;
    // A later, shorter reason never shortens a longer rest already decided.
    if (stateOf(breaker, now()) === 'open' && breaker.openUntil !== undefined && breaker.openUntil > until) return;
    breaker.openUntil = until;
    breaker.openCause = cause;
    breaker.probes = [];
  }

  function close(breaker: BreakerRecord) {
    breaker.openUntil = undefined;
    breaker.openCause = undefined;
    breaker.probes = [];
    // The failures that opened it are history once a probe has worked.
    breaker.calls = [];
  }

  return {
    admit(model) {
      const at = now();
      const provider = providers.get(model.provider);
      if (provider?.misconfiguredSince !== undefined && at < provider.recheckAt) {
        return { admitted: false, reason: 'misconfigured', until: provider.recheckAt, retryAfterMs: provider.recheckAt - at };
      }
      const breaker = breakerOf(model);
      const state = stateOf(breaker, at);
      if (state === 'closed') return { admitted: true, probe: false };
      if (state === 'open' && breaker.openUntil !== undefined) {
        return { admitted: false, reason: 'open', cause: breaker.openCause ?? 'failures', until: breaker.openUntil, retryAfterMs: breaker.openUntil - at };
      }
      breaker.probes = breaker.probes.filter((startedAt) => at - startedAt < probeLeaseMs);
      if (breaker.probes.length >= halfOpenProbes) return { admitted: false, reason: 'probing' };
      breaker.probes.push(at);
      return { admitted: true, probe: true };
    },

    recordSuccess(model) {
      const at = now();
      const breaker = breakerOf(model);
      breaker.consecutiveFailures = 0;
      const state = stateOf(breaker, at);
      // A call admitted before the breaker opened says nothing about the provider's retry-after.
      if (state === 'half-open') close(breaker);
      else if (state === 'closed') addCall(breaker, at, false, policy);
      const provider = providers.get(model.provider);
      if (provider !== undefined) provider.misconfiguredSince = undefined;
    },

    recordFailure(model, failure) {
      const at = now();
      const breaker = breakerOf(model);
      if (failure.kind === 'auth') {
        breaker.probes.shift();
        const provider = providers.get(model.provider) ?? { misconfiguredSince: undefined, recheckAt: 0 };
        providers.set(model.provider, provider);
        if (provider.misconfiguredSince === undefined) {
          provider.misconfiguredSince = at;
          // Loud and once: a rejected key is an operator problem, not a flaky network.
          logError(
            `[flint] CONFIGURATION PROBLEM: ${model.provider} rejected the API key (401/403). ` +
              `Its models are skipped; check the ${model.provider.toUpperCase()}_API_KEY setting.`,
          );
        }
        provider.recheckAt = at + authRecheckMs;
        return;
      }
      const state = stateOf(breaker, at);
      breaker.consecutiveFailures += 1;
      addCall(breaker, at, true, policy);
      if (failure.kind === 'rate_limited' && failure.retryAfterMs !== undefined) open(breaker, failure.retryAfterMs, 'rate_limited');
      else if (failure.kind === 'unavailable') open(breaker, unavailableCooldownMs, 'unavailable');
      else if (state === 'half-open') open(breaker, cooldownMs, 'failures');
      else if (state === 'closed' && windowTripped(breaker, policy)) open(breaker, cooldownMs, 'failures');
    },

    release(model) {
      breakerOf(model).probes.shift();
    },

    isMisconfigured(provider) {
      return providers.get(provider)?.misconfiguredSince !== undefined;
    },

    snapshot(models = []) {
      for (const model of models) breakerOf(model);
      const at = now();
      const providerNames = new Set<ProviderName>([...breakers.values()].map((breaker) => breaker.provider));
      for (const name of providers.keys()) providerNames.add(name);
      return {
        models: [...breakers.entries()].map(([key, breaker]) => {
          pruneCalls(breaker, at, policy);
          const state = stateOf(breaker, at);
          return {
            key,
            provider: breaker.provider,
            modelId: breaker.modelId,
            state,
            ...(state === 'open' ? { until: breaker.openUntil, openCause: breaker.openCause } : {}),
            consecutiveFailures: breaker.consecutiveFailures,
            recentCalls: breaker.calls.length,
            recentFailures: windowFailures(breaker),
          };
        }),
        providers: [...providerNames].map((provider) => {
          const since = providers.get(provider)?.misconfiguredSince;
          return since === undefined ? { provider, status: 'ok' as const } : { provider, status: 'misconfigured' as const, since };
        }),
      };
    },
  };
}
