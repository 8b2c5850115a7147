import type { Logger } from 'pino';
import { logger } from '@/lib/observability/logger';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import type { Store } from './store';

/** The Store this configuration asks for: Redis with `REDIS_URL`, else this process's memory. */
export function createStore(config: { redisUrl?: string | undefined }, log: Logger = logger()): Store {
  if (config.redisUrl === undefined) return createMemoryStore();
  return createRedisStore({ url: config.redisUrl, log: log.child({ component: 'store' }) });
}
