import { setBreakerOpen } from '@/lib/observability/record';
import type { Runtime } from './runtime';

/** Sets flint_breaker_open for every model health has seen (after failures and at each scrape: breakers also close by time). */
export function syncBreakerGauges(runtime: Runtime): void {
  for (const model of runtime.health.snapshot().models) {
    setBreakerOpen({ provider: model.provider, model: model.modelId, open: model.state === 'open' });
  }
}
