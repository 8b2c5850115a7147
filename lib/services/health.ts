import 'server-only';
import type { HealthSnapshot } from '@/lib/ai/health/health';
import type { ModelBudget } from '@/lib/ai/rate-budget/model-budget';
import { env, type Env } from '@/lib/env';

/**
 * The app's health as /api/health reports it: configured state per provider (never a key), a
 * provider whose key was rejected as `misconfigured`, each model's circuit breaker and the rate-limit
 * budget its provider last reported (keyed `provider/model`, as lib/ai/rate-budget keeps them).
 */
export function healthReport(config: Env = env, snapshot: HealthSnapshot = { models: [], providers: [] }, budgets: Record<string, ModelBudget> = {}) {
  const providerState = (name: 'groq' | 'openai', role: 'primary' | 'backup') => {
    const configured = Boolean(config[name].apiKey);
    const misconfigured = snapshot.providers.find((entry) => entry.provider === name)?.status === 'misconfigured';
    return {
      configured,
      role,
      // Host only: a base URL may carry userinfo, a path or a query with a key in it.
      host: hostOf(config[name].baseURL),
      status: !configured ? 'unconfigured' : misconfigured ? 'misconfigured' : 'ok',
    };
  };
  const providers = { groq: providerState('groq', 'primary'), openai: providerState('openai', 'backup') };
  const usable = Object.values(providers).filter((provider) => provider.status === 'ok').length;
  const anyConfigured = providers.groq.configured || providers.openai.configured;
  return {
    status: !anyConfigured ? 'unconfigured' : usable === 0 ? 'down' : providers.groq.status === 'ok' ? 'ok' : 'degraded',
    demo: config.demo,
    message: anyConfigured ? undefined : 'No provider is configured: set GROQ_API_KEY, or run `npm run demo`.',
    providers,
    models: snapshot.models.map(({ provider, modelId, state, until, consecutiveFailures }) => ({
      provider,
      model: modelId,
      breaker: state,
      ...(until ? { reopensAt: new Date(until).toISOString() } : {}),
      consecutiveFailures,
      ...budgetOf(budgets[`${provider}/${modelId}`]),
    })),
  };
}

/** What the provider's rate-limit headers last said about a model: remaining requests and tokens, and when each resets. */
function budgetOf(budget: ModelBudget | undefined) {
  if (budget === undefined) return {};
  const at = (epochMs: number | undefined) => (epochMs === undefined ? {} : { resetsAt: new Date(epochMs).toISOString() });
  return {
    rateLimit: {
      ...(budget.remainingRequests === undefined ? {} : { requests: { remaining: budget.remainingRequests, limit: budget.limitRequests, ...at(budget.requestsResetAt) } }),
      ...(budget.remainingTokens === undefined ? {} : { tokens: { remaining: budget.remainingTokens, limit: budget.limitTokens, ...at(budget.tokensResetAt) } }),
      observedAt: new Date(budget.observedAt).toISOString(),
    },
  };
}

/** The host (and port) of a URL, or undefined when there is none or it does not parse. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
