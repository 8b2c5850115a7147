import { env } from '../env.ts';
import { createResponseCacheStore } from '../ai/middleware/create-response-cache-store.ts';
import { createStore } from '../store/create-store.ts';
import type { Store } from '../store/store.ts';
import { createKeyRateLimits, type KeyRateLimits } from './key-rate-limits.ts';
import { processState } from '../process-state.ts';

const shared = processState<{ flintKeyRateLimits?: KeyRateLimits; flintGatewayStore?: Store; flintGatewayCache?: Store }>('gateway.store', () => ({}));
const store = () => (shared.flintGatewayStore ??= createStore({ redisUrl: env.redisUrl }));

/** The process-wide per-key rate limits, in Redis when REDIS_URL names one (shared by instances). */
export function keyRateLimits(): KeyRateLimits {
  shared.flintKeyRateLimits ??= createKeyRateLimits(store());
  return shared.flintKeyRateLimits;
}

/** Where /v1's response cache keeps answers: Redis when configured, else a bounded memory store of its own. */
export function gatewayCacheStore(): Store {
  shared.flintGatewayCache ??= createResponseCacheStore(store(), env.cache.maxBytes);
  return shared.flintGatewayCache;
}
