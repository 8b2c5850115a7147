export type { Store } from './store';
export { createStore } from './create-store';
export { createMemoryStore } from './memory-store';
export { createRedisStore, type RedisStore } from './redis-store';
