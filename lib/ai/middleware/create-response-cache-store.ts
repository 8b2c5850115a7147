import { createMemoryStore } from '@/lib/store/memory-store';
import type { Store } from '@/lib/store/store';

/**
 * The cache's own store: the shared Store when it is Redis (hits shared between instances), else a
 * separate memory store bounded by `maxBytes`, so cache entries can never evict breaker or limit state.
 */
export function createResponseCacheStore(shared: Store, maxBytes: number): Store {
  return shared.backend === 'redis' ? shared : createMemoryStore({ maxBytes });
}
