import type { ProviderName } from './model-entry';

/** A model as the health registry knows it. */
export interface HealthModel {
  provider: ProviderName;
  id: string;
}

/** closed: use it; open: skip it until `until`; half-open: one probe request may try it. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * How a failure affects health: `transient` counts toward opening the breaker, `rate_limited`
 * opens it for exactly the retry-after when one is given, `unavailable` opens it for a long
 * cooldown (model gone, quota exhausted), `auth` marks the whole provider misconfigured.
 */
export type FailureKind = 'transient' | 'rate_limited' | 'unavailable' | 'auth';

/** Whether a request may call a model now; every admitted call must end in exactly one record or `release`. */
export type Admission =
  | { admitted: true; probe: boolean }
  | { admitted: false; reason: 'open' | 'probing' | 'misconfigured'; until?: number; retryAfterMs?: number };

/** The state shown by /api/health. */
export interface HealthSnapshot {
  models: Array<{
    key: string;
    provider: ProviderName;
    modelId: string;
    state: BreakerState;
    /** Epoch ms at which an open breaker turns half-open. */
    until?: number;
    consecutiveFailures: number;
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
  /** Consecutive transient failures that open a breaker. */
  failureThreshold?: number;
  cooldownMs?: number;
  /** How long a model that is gone (404, decommissioned, out of quota) is skipped. */
  unavailableCooldownMs?: number;
  /** After a 401/403, how long the provider is skipped before one more request may try it. */
  authRecheckMs?: number;
  /** A probe that never reports back stops blocking the half-open breaker after this long. */
  probeLeaseMs?: number;
  logError?: (message: string) => void;
}

interface Breaker {
  provider: ProviderName;
  modelId: string;
  consecutiveFailures: number;
  openUntil: number | undefined;
  probeStartedAt: number | undefined;
}

interface ProviderHealth {
  misconfiguredSince: number | undefined;
  recheckAt: number;
}

/** Creates a health registry; the app uses the shared `health` instance, tests make their own. */
export function createHealthRegistry(options: HealthOptions = {}): HealthRegistry {
  const now = options.now ?? Date.now;
  const failureThreshold = options.failureThreshold ?? 3;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const unavailableCooldownMs = options.unavailableCooldownMs ?? 300_000;
  const authRecheckMs = options.authRecheckMs ?? 60_000;
  const probeLeaseMs = options.probeLeaseMs ?? 120_000;
  const logError = options.logError ?? ((message: string) => console.error(message));
  const breakers = new Map<string, Breaker>();
  const providers = new Map<ProviderName, ProviderHealth>();

  function breakerOf(model: HealthModel): Breaker {
    const key = `${model.provider}:${model.id}`;
    let breaker = breakers.get(key);
    if (breaker === undefined) {
      breaker = { provider: model.provider, modelId: model.id, consecutiveFailures: 0, openUntil: undefined, probeStartedAt: undefined };
      breakers.set(key, breaker);
    }
    return breaker;
  }

  function stateOf(breaker: Breaker, at: number): BreakerState {
    if (breaker.openUntil === undefined) return 'closed';
    return at < breaker.openUntil ? 'open' : 'half-open';
  }

  function open(breaker: Breaker, forMs: number) {
    breaker.openUntil = now() + forMs;
    breaker.probeStartedAt = undefined;
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
        return { admitted: false, reason: 'open', until: breaker.openUntil, retryAfterMs: breaker.openUntil - at };
      }
      if (breaker.probeStartedAt !== undefined && at - breaker.probeStartedAt < probeLeaseMs) {
        return { admitted: false, reason: 'probing' };
      }
      breaker.probeStartedAt = at;
      return { admitted: true, probe: true };
    },

    recordSuccess(model) {
      const breaker = breakerOf(model);
      breaker.consecutiveFailures = 0;
      breaker.openUntil = undefined;
      breaker.probeStartedAt = undefined;
      const provider = providers.get(model.provider);
      if (provider !== undefined) provider.misconfiguredSince = undefined;
    },

    recordFailure(model, failure) {
      const breaker = breakerOf(model);
      if (failure.kind === 'auth') {
        breaker.probeStartedAt = undefined;
        const provider = providers.get(model.provider) ?? { misconfiguredSince: undefined, recheckAt: 0 };
        providers.set(model.provider, provider);
        if (provider.misconfiguredSince === undefined) {
          provider.misconfiguredSince = now();
          // Loud and once: a rejected key is an operator problem, not a flaky network.
          logError(
            `[flint] CONFIGURATION PROBLEM: ${model.provider} rejected the API key (401/403). ` +
              `Its models are skipped; check the ${model.provider.toUpperCase()}_API_KEY setting.`,
          );
        }
        provider.recheckAt = now() + authRecheckMs;
        return;
      }
      const wasProbe = stateOf(breaker, now()) === 'half-open';
      breaker.consecutiveFailures += 1;
      if (failure.kind === 'rate_limited' && failure.retryAfterMs !== undefined) open(breaker, failure.retryAfterMs);
      else if (failure.kind === 'unavailable') open(breaker, unavailableCooldownMs);
      else if (wasProbe || breaker.consecutiveFailures >= failureThreshold) open(breaker, cooldownMs);
    },

    release(model) {
      breakerOf(model).probeStartedAt = undefined;
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
          const state = stateOf(breaker, at);
          return {
            key,
            provider: breaker.provider,
            modelId: breaker.modelId,
            state,
            ...(state === 'open' ? { until: breaker.openUntil } : {}),
            consecutiveFailures: breaker.consecutiveFailures,
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

// Kept on globalThis so every route bundle and dev-server reload shares one registry.
const shared = globalThis as typeof globalThis & { flintHealthRegistry?: HealthRegistry };

/** The process-wide health registry shared by every request. */
export const health: HealthRegistry = (shared.flintHealthRegistry ??= createHealthRegistry());
