import { describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/observability/logger';
import { createStore } from './create-store';

describe('createStore', () => {
  it('is memory without REDIS_URL and Redis with it', async () => {
    const memory = createStore({ redisUrl: undefined });
    expect(memory.backend).toBe('memory');
    // Nothing listens on port 1: the Redis store is still created and serves from local state.
    const redis = createStore({ redisUrl: 'redis://127.0.0.1:1' }, createLogger({ level: 'silent' }));
    expect(redis.backend).toBe('redis');
    await redis.set('k', 'v');
    expect(await redis.get('k')).toBe('v');
    await Promise.all([memory.close(), redis.close()]);
  });
});
