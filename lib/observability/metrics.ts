import { processState } from '@/lib/process-state';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'flint_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: 'flint_http_requests_total', help: 'API requests answered, by route and HTTP status.', labelNames: ['route', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'flint_http_request_duration_seconds', help: 'Time from request to the end of the response (streams included).', labelNames: ['route'], registers,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    }),
    attempts: new Counter({ name: 'flint_model_attempts_total', help: 'Calls to a model, by outcome (ok, rate_limited, error, timeout, skipped...).', labelNames: ['provider', 'model', 'outcome'], registers }),
    ttft: new Histogram({
      name: 'flint_time_to_first_token_seconds', help: 'Time from calling a model to its first output token.', labelNames: ['provider', 'model'], registers,
      buckets: [0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 2, 5, 10],
    }),
    tokens: new Counter({ name: 'flint_tokens_total', help: 'Tokens used, by kind (input, output, cached).', labelNames: ['provider', 'model', 'kind'], registers }),
    cost: new Counter({ name: 'flint_cost_usd_total', help: 'Estimated spend in US dollars.', labelNames: ['provider', 'model'], registers }),
    fallbacks: new Counter({ name: 'flint_fallbacks_total', help: 'Hand-overs from one model to the next, by reason.', labelNames: ['from', 'to', 'reason'], registers }),
    breakerOpen: new Gauge({ name: 'flint_breaker_open', help: '1 while a model\'s circuit breaker is open.', labelNames: ['provider', 'model'], registers }),
    rateLimitRemaining: new Gauge({ name: 'flint_ratelimit_remaining', help: 'The provider\'s last reported remaining budget (kind requests or tokens).', labelNames: ['provider', 'model', 'kind'], registers }),
    cacheRequests: new Counter({ name: 'flint_cache_requests_total', help: 'Response-cache lookups, by result (hit, miss, skip).', labelNames: ['result'], registers }),
    rateLimited: new Counter({ name: 'flint_rate_limited_total', help: 'Client requests refused by the rate guard.', labelNames: ['route'], registers }),
  };
}

type Metrics = ReturnType<typeof build>;

/**
 * The process's metrics. Kept in the process state (lib/process-state.ts) because Next loads route handlers and instrumentation in
 * separate module graphs (and reloads them in dev): a module-level registry would split or double count.
 */
export function metrics(): Metrics {
  return processState<Metrics>('metrics', build);
}
