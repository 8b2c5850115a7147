import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/observability/logger';
import { createMemoryStore } from '@/lib/store/memory-store';
import { createRedisStore, type RedisStore } from '@/lib/store/redis-store';
import { startRedis, type RunningRedis } from '@/test/start-redis';
import { createKeyRateLimits, type KeyRateLimits } from './key-rate-limits';

const outcomes = async (limits: KeyRateLimits, key: Parameters<KeyRateLimits['admit']>[0], tokens: number, count: number) => {
  const results: boolean[] = [];
  for (let index = 0; index < count; index += 1) results.push((await limits.admit(key, tokens)).ok);
  return results;
};

describe('per-key rate limits in memory', () => {
  it('admits rpm requests a minute per key, then says how long to wait', async () => {
    const limits = createKeyRateLimits(createMemoryStore());
    const key = { id: 'k1', rpm: 2, tpm: null };
    expect(await outcomes(limits, key, 10, 3)).toEqual([true, true, false]);
    const refused = await limits.admit(key, 10);
    expect(refused.ok === false && refused.limit).toBe('rpm');
    expect(refused.ok === false && refused.retryAfterMs).toBeGreaterThan(50_000);
    expect((await limits.admit({ ...key, id: 'k2' }, 10)).ok).toBe(true);
  });

  it('charges tpm with the estimate at admission and corrects it with the real usage', async () => {
    const limits = createKeyRateLimits(createMemoryStore());
    const key = { id: 't1', rpm: null, tpm: 100 };
    const first = await limits.admit(key, 80);
    expect(first.ok).toBe(true);
    // 80 of 100 held: a second estimate of 80 does not fit ...
    expect((await limits.admit(key, 80)).ok).toBe(false);
    // ... until the first reports it used 10.
    if (first.ok) await first.settleTokens(10);
    const second = await limits.admit(key, 80);
    expect(second.ok).toBe(true);
    // 90 used: an estimate above the whole tpm is capped at it, and still refused now.
    const refused = await limits.admit(key, 5000);
    expect(refused.ok === false && refused.limit).toBe('tpm');
  });

  it('gives the request point back when tokens refuse it', async () => {
    const limits = createKeyRateLimits(createMemoryStore());
    const key = { id: 'b1', rpm: 2, tpm: 50 };
    expect((await limits.admit(key, 50)).ok).toBe(true);
    expect((await limits.admit(key, 50)).ok).toBe(false); // tpm
    expect((await limits.admit({ ...key, tpm: null }, 1)).ok).toBe(true); // the rpm point was returned
  });
});

describe('per-key rate limits shared through Redis', () => {
  let redis: RunningRedis;
  let stores: RedisStore[];
  beforeAll(async () => {
    redis = await startRedis();
    const log = createLogger({ level: 'silent' });
    stores = [createRedisStore({ url: redis.url, log }), createRedisStore({ url: redis.url, log })];
    await Promise.all(stores.map((store) => store.ready()));
  }, 30_000);
  afterAll(async () => {
    await Promise.all((stores ?? []).map((store) => store.close()));
    await redis?.stop();
  });

  it('counts one key across two instances', async () => {
    const [a, b] = stores.map(createKeyRateLimits) as [KeyRateLimits, KeyRateLimits];
    const key = { id: `shared-${crypto.randomUUID()}`, rpm: 3, tpm: null };
    expect(await outcomes(a, key, 1, 2)).toEqual([true, true]);
    expect(await outcomes(b, key, 1, 2)).toEqual([true, false]);
    expect((await a.admit(key, 1)).ok).toBe(false);
    const tokens = { id: `tokens-${crypto.randomUUID()}`, rpm: null, tpm: 100 };
    const held = await a.admit(tokens, 70);
    expect((await b.admit(tokens, 70)).ok).toBe(false);
    if (held.ok) await held.settleTokens(5);
    expect((await b.admit(tokens, 70)).ok).toBe(true);
  });
});
