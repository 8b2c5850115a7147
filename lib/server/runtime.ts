import 'server-only';
import { createCatalog, type Catalog } from '@/lib/ai/catalog/catalog';
import { createCatalogRefresher, type CatalogRefresher } from '@/lib/ai/catalog/catalog-refresher';
import type { ProviderName } from '@/lib/ai/catalog/model-entry';
import { createSharedHealth, type SharedHealth } from '@/lib/ai/health/shared-health';
import { createResponseCacheStore } from '@/lib/ai/middleware/create-response-cache-store';
import { createProviders, type Providers } from '@/lib/ai/providers';
import { createRateBudgetFetch, createRateBudgets, modelOfRequest, type RateBudgets } from '@/lib/ai/rate-budget';
import { env as processEnv, type Env } from '@/lib/env';
import { createKeyRateLimits, type KeyRateLimits } from '@/lib/gateway/key-rate-limits';
import { createRateGuard, type RateGuard } from '@/lib/guard/rate-guard';
import { logger, type Logger } from '@/lib/observability/logger';
import { processState } from '@/lib/process-state';
import { createStore, type Store } from '@/lib/store';

/** Everything process-wide: catalog, providers, health, rate budgets, the Store and what lives in it, the logger. */
export interface Runtime {
  config: Env;
  catalog: Catalog;
  providers: Providers;
  refresher: CatalogRefresher;
  health: SharedHealth;
  budgets: RateBudgets;
  store: Store;
  guard: RateGuard;
  /** Per-key rpm/tpm of gateway keys, counted in the Store (so shared by instances on Redis). */
  keyLimits: KeyRateLimits;
  /** Where the response cache keeps entries, for the chat page and /v1 alike (the shared Store on Redis, else its own bounded memory). */
  cacheStore: Store;
  cacheTtlMs: number;
  log: Logger;
  /** Stops timers and closes the Store (tests; the app's runtime lives as long as the process). */
  close(): Promise<void>;
}

const refreshIntervalMs = 10 * 60 * 1000;

/** Builds a runtime from a configuration; the app uses {@link runtime}, tests build their own (two instances on one Redis). */
export function createRuntime(config: Env, log: Logger = logger()): Runtime {
  const catalog = createCatalog({ openaiChatModel: config.openai.chatModel, openaiTranscriptionModel: config.openai.transcriptionModel });
  const store = createStore({ redisUrl: config.redisUrl }, log);
  const budgets = createRateBudgets(store);
  const fetch = createRateBudgetFetch(budgets, modelOfRequest({ groq: config.groq.baseURL, openai: config.openai.baseURL }));
  const providers = createProviders({ groq: config.groq, openai: config.openai, fetch });
  const healthLog = log.child({ component: 'health' });
  const health = createSharedHealth(store, {
    models: () => catalog.models.map((entry) => ({ provider: entry.provider, id: entry.id })),
    logError: (message) => healthLog.error(message),
    cooldownMs: config.breakerCooldownMs,
  });
  const refresher = createCatalogRefresher({
    catalog,
    listModels: (provider) => listModels(config, provider),
    intervalMs: refreshIntervalMs,
    providers: providers.configured,
    onError: (provider, error) => log.warn({ provider, err: error instanceof Error ? { message: error.message } : String(error) }, 'could not refresh the model list; keeping the last one'),
  });
  return {
    config, catalog, providers, refresher, health, budgets, store, log,
    guard: createRateGuard(config.rateGuard, store, log.child({ component: 'rate-guard' })),
    keyLimits: createKeyRateLimits(store),
    cacheStore: createResponseCacheStore(store, config.cache.maxBytes),
    cacheTtlMs: config.cache.ttlSeconds * 1000,
    async close() {
      health.close();
      refresher.stop();
      await store.close();
    },
  };
}

/** The process's runtime, built once (Next may load this module more than once). */
export function runtime(): Runtime {
  return processState('runtime', () => createRuntime(processEnv));
}

/** GET {base}/models: the ids a provider serves right now. */
async function listModels(config: Env, provider: ProviderName): Promise<string[]> {
  const settings = config[provider];
  const response = await fetch(`${settings.baseURL}/models`, {
    headers: { authorization: `Bearer ${settings.apiKey ?? ''}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GET /models answered ${response.status}`);
  const body = (await response.json()) as { data?: Array<{ id?: unknown; active?: unknown }> };
  return (body.data ?? []).filter((model) => model.active !== false && typeof model.id === 'string').map((model) => model.id as string);
}
