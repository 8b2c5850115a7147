import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/observability/logger';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore, type RedisStore } from '@/lib/store/redis-store';
import type { Store } from '@/lib/store/store';
import { startRedis, type RunningRedis } from '@/test/start-redis';
import { clientIdFrom } from './client-id';
import { retryAfterSeconds } from './client-rate-limit';
import { createRateGuard, type Admission } from './rate-guard';

const silent = createLogger({ level: 'silent' });
const admitted = (admission: Admission) => admission.ok;

async function admitMany(guard: ReturnType<typeof createRateGuard>, client: string, count: number) {
  const results: Admission[] = [];
  for (let index = 0; index < count; index += 1) results.push(await guard.admit(client));
  return results;
}

describe('rate guard in memory', () => {
  it('admits FLINT_RATE_LIMIT requests a minute per client and then says how long to wait', async () => {
    const guard = createRateGuard({ perMinute: 3, maxStreams: 100 }, createMemoryStore());
    const results = await admitMany(guard, '10.0.0.1', 4);
    expect(results.map(admitted)).toEqual([true, true, true, false]);
    const refused = results[3]!;
    expect(refused.ok === false && refused.reason).toBe('rate');
    expect(refused.ok === false && refused.retryAfterMs).toBeGreaterThan(50_000);
    expect(refused.ok === false && refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    // Another client has its own allowance.
    expect((await guard.admit('10.0.0.2')).ok).toBe(true);
  });

  it('caps concurrent streams per client and frees a slot on release', async () => {
    const guard = createRateGuard({ perMinute: 100, maxStreams: 2 }, createMemoryStore());
    const [first, second, third] = await admitMany(guard, 'c', 3);
    expect([first!.ok, second!.ok, third!.ok]).toEqual([true, true, false]);
    expect(third!.ok === false && third!.reason).toBe('streams');
    if (first!.ok) {
      await first!.release();
      await first!.release(); // twice is harmless: it must not free a second slot
    }
    expect((await guard.admit('c')).ok).toBe(true);
    expect((await guard.admit('c')).ok).toBe(false);
  });

  it('is off with FLINT_RATE_LIMIT=0', async () => {
    const guard = createRateGuard({ perMinute: 0, maxStreams: 1 }, createMemoryStore());
    expect((await admitMany(guard, 'c', 50)).every(admitted)).toBe(true);
  });
});

describe('rate guard on a real Redis', () => {
  let redis: RunningRedis;
  const stores: Store[] = [];
  const redisStore = async (): Promise<RedisStore> => {
    const store = createRedisStore({ url: redis.url, log: silent, maxReconnectDelayMs: 50 });
    stores.push(store);
    await store.ready();
    return store;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis.stop();
  });

  it('shares one limit between two instances', async () => {
    const one = createRateGuard({ perMinute: 4, maxStreams: 100 }, await redisStore());
    const two = createRateGuard({ perMinute: 4, maxStreams: 100 }, await redisStore());
    const results = [await one.admit('shared'), await two.admit('shared'), await one.admit('shared'), await two.admit('shared'), await one.admit('shared'), await two.admit('shared')];
    expect(results.map(admitted)).toEqual([true, true, true, true, false, false]);
  });

  it('shares the concurrent-stream cap between two instances', async () => {
    const one = createRateGuard({ perMinute: 100, maxStreams: 1 }, await redisStore());
    const two = createRateGuard({ perMinute: 100, maxStreams: 1 }, await redisStore());
    const first = await one.admit('streamer');
    expect(first.ok).toBe(true);
    expect((await two.admit('streamer')).ok).toBe(false);
    if (first.ok) await first.release();
    expect((await two.admit('streamer')).ok).toBe(true);
  });

  it('keeps admitting, on local counts, while Redis is down', async () => {
    const guard = createRateGuard({ perMinute: 2, maxStreams: 100 }, await redisStore());
    await redis.stop();
    const results = await admitMany(guard, 'outage', 3);
    expect(results.map(admitted)).toEqual([true, true, false]);
    await redis.start();
  });
});

describe('clientIdFrom', () => {
  const headers = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

  it('uses the hop Next added (the last) when not trusting a proxy', () => {
    expect(clientIdFrom(headers('127.0.0.1'), false)).toBe('127.0.0.1');
    expect(clientIdFrom(headers('203.0.113.9, 10.0.0.7'), false)).toBe('10.0.0.7');
    expect(clientIdFrom(headers('::ffff:192.168.1.4'), false)).toBe('192.168.1.4');
  });

  it('uses the first hop only with FLINT_TRUST_PROXY', () => {
    expect(clientIdFrom(headers('203.0.113.9, 10.0.0.7'), true)).toBe('203.0.113.9');
    expect(clientIdFrom(headers('2001:DB8::1'), true)).toBe('2001:db8::1');
  });

  it('never keys a client on text that is not an address', () => {
    expect(clientIdFrom(headers(), false)).toBe('unknown');
    expect(clientIdFrom(headers('flint:streams:victim'), true)).toBe('unknown');
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up to whole seconds, at least one', () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });
});
