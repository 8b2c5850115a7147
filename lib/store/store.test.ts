import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedis, type RunningRedis } from '@/test/start-redis';
import { createLogger } from '@/lib/observability/logger';
import { createMemoryStore } from './memory-store';
import { createRedisStore, type RedisStore } from './redis-store';
import type { Store } from './store';

const silent = createLogger({ level: 'silent' });

/** The contract every Store keeps; run against memory and a real Redis. */
function contract(name: string, make: () => Promise<Store>) {
  describe(`${name} store`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await make();
    });
    afterAll(() => store.close());

    it('gets what was set and forgets what was deleted', async () => {
      expect(await store.get('absent')).toBeUndefined();
      await store.set('a', 'one');
      expect(await store.get('a')).toBe('one');
      await store.delete('a');
      expect(await store.get('a')).toBeUndefined();
    });

    it('lets a value expire after its TTL', async () => {
      await store.set('short', 'x', 1);
      await store.set('long', 'y', 60_000);
      // Wait on Redis/the clock itself rather than a fixed sleep: poll until the 1 ms key is gone.
      await expect.poll(() => store.get('short'), { interval: 5, timeout: 2_000 }).toBeUndefined();
      expect(await store.get('long')).toBe('y');
    });

    it('sets only when absent', async () => {
      expect(await store.setIfAbsent('lock', 'first', 60_000)).toBe(true);
      expect(await store.setIfAbsent('lock', 'second', 60_000)).toBe(false);
      expect(await store.get('lock')).toBe('first');
    });

    it('increments atomically, also downwards, under concurrency', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => store.increment('counter', 1, 60_000)));
      expect(new Set(results).size).toBe(50);
      expect(Math.max(...results)).toBe(50);
      expect(await store.increment('counter', -10, 60_000)).toBe(40);
    });

    it('keeps the TTL an incremented key was created with', async () => {
      expect(await store.increment('window', 1, 1)).toBe(1);
      await expect.poll(() => store.get('window'), { interval: 5, timeout: 2_000 }).toBeUndefined();
      expect(await store.increment('window', 1, 60_000)).toBe(1);
      expect(await store.increment('window', 1, 1)).toBe(2);
      expect(await store.get('window')).toBe('2');
    });
  });
}

contract('memory', async () => createMemoryStore());

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

contract('redis', async () => {
  const store = createRedisStore({ url: redis.url, log: silent });
  await store.ready();
  return store;
});

describe('redis store across an outage', () => {
  it('shares state between two instances through Redis', async () => {
    const one = createRedisStore({ url: redis.url, log: silent });
    const two = createRedisStore({ url: redis.url, log: silent });
    await Promise.all([one.ready(), two.ready()]);
    await one.set('shared', 'seen by both');
    expect(await two.get('shared')).toBe('seen by both');
    expect(await one.increment('hits', 1, 60_000)).toBe(1);
    expect(await two.increment('hits', 1, 60_000)).toBe(2);
    await Promise.all([one.close(), two.close()]);
  });

  it('keeps serving from local state while Redis is down, logs it once, and recovers by itself', async () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    const store: RedisStore = createRedisStore({ url: redis.url, log, maxReconnectDelayMs: 50 });
    await store.ready();
    await store.set('before', 'in redis');
    expect(store.shared()).toBe(true);

    await redis.stop();
    // Every operation still answers, from local state, while the client keeps trying to reconnect.
    await expect.poll(() => store.shared(), { interval: 5, timeout: 5_000 }).toBe(false);
    await store.set('during', 'local');
    expect(await store.get('during')).toBe('local');
    expect(await store.increment('outage-counter', 1, 60_000)).toBe(1);
    expect(await store.increment('outage-counter', 1, 60_000)).toBe(2);
    expect(await store.setIfAbsent('outage-lock', 'x', 60_000)).toBe(true);
    await store.delete('during');
    expect(await store.get('during')).toBeUndefined();
    const downLines = lines.filter((line) => line.includes('redis unreachable'));
    expect(downLines).toHaveLength(1);

    await redis.start();
    await store.ready();
    expect(store.shared()).toBe(true);
    expect(lines.filter((line) => line.includes('redis reachable again'))).toHaveLength(1);
    // Back on Redis (restarted empty), not on the local copy.
    expect(await store.get('outage-lock')).toBeUndefined();
    await store.set('after', 'in redis again');
    const other = createRedisStore({ url: redis.url, log: silent });
    await other.ready();
    expect(await other.get('after')).toBe('in redis again');
    await Promise.all([store.close(), other.close()]);
  });

  it('does not make requests wait on a stuck Redis: one command times out, the next ones go local at once', async () => {
    const store = createRedisStore({ url: redis.url, log: silent, commandTimeoutMs: 200, probeIntervalMs: 60_000 });
    await store.ready();
    await store.set('stuck', 'before');
    redis.pause();
    try {
      expect(await store.get('stuck')).toBeUndefined(); // timed out, answered from (empty) local state
      expect(store.shared()).toBe(false);
      // Within the probe pause nothing is sent to Redis, so nothing waits out another timeout.
      const sent = vi.spyOn(store.client, 'set');
      await store.set('during-stall', 'local');
      expect(sent).not.toHaveBeenCalled();
      expect(await store.get('during-stall')).toBe('local');
    } finally {
      redis.resume();
    }
    await store.close();
  });

  it('goes back to Redis after a stall once a probe succeeds', async () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    const store = createRedisStore({ url: redis.url, log, commandTimeoutMs: 200, probeIntervalMs: 1 });
    await store.ready();
    await store.set('thaw', 'in redis');
    redis.pause();
    expect(await store.get('thaw')).toBeUndefined();
    redis.resume();
    await expect.poll(() => store.get('thaw'), { interval: 5 }).toBe('in redis');
    expect(store.shared()).toBe(true);
    expect(lines.filter((line) => line.includes('redis reachable again'))).toHaveLength(1);
    await store.close();
  });

  it('starts and serves from memory when Redis is unreachable from the outset', async () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    const store = createRedisStore({ url: 'redis://127.0.0.1:1', log });
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
    expect(store.shared()).toBe(false);
    await expect.poll(() => lines.some((line) => line.includes('redis unreachable')), { interval: 5 }).toBe(true);
    await store.close();
  });
});
