import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Store } from '@/lib/store/store';
import type { RedisStore } from '@/lib/store/redis-store';

/** What {@link RateGuard.admit} answers: go ahead (and call `release` when the response ends), or wait. */
export type Admission =
  | { ok: true; release(): Promise<void> }
  | { ok: false; retryAfterMs: number; reason: 'rate' | 'streams' };

/** Per-client limits on requests per minute and on concurrent streams. */
export type RateGuard = { admit(clientId: string): Promise<Admission> };

/** Settings of {@link createRateGuard}; `perMinute: 0` turns the guard off (load tests). */
export type RateGuardConfig = { perMinute: number; maxStreams: number };

// Longer than any stream can run, so a release lost to a crash frees the slot eventually.
const streamSlotTtlMs = 15 * 60_000;
// A refused concurrent stream can try again once one of its others is likely to have ended.
const streamRetryMs = 2_000;

const isRedisStore = (store: Store): store is RedisStore => store.backend === 'redis' && 'client' in store;

function limiterFor(config: RateGuardConfig, store: Store): RateLimiterAbstract {
  const options = { keyPrefix: 'flint:rate', points: config.perMinute, duration: 60 };
  if (!isRedisStore(store)) return new RateLimiterMemory(options);
  // While Redis is down the insurance limiter counts locally, so a request is never refused for that.
  return new RateLimiterRedis({
    ...options, storeClient: store.client, useRedisPackage: true, rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** Creates the guard; limits are shared between instances when `store` is Redis. */
export function createRateGuard(config: RateGuardConfig, store: Store, log?: Logger): RateGuard {
  const open: Admission = { ok: true, release: async () => {} };
  if (config.perMinute <= 0) return { admit: async () => open };
  const limiter = limiterFor(config, store);

  return {
    async admit(clientId) {
      try {
        await limiter.consume(clientId, 1);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterMs: refusal.msBeforeNext, reason: 'rate' };
        // Never refuse a request because the limiter's own storage failed.
        log?.warn({ err: refusal instanceof Error ? { message: refusal.message } : String(refusal) }, 'rate guard storage failed; admitting');
        return open;
      }
      const key = `flint:streams:${clientId}`;
      const streams = await store.increment(key, 1, streamSlotTtlMs);
      if (streams > config.maxStreams) {
        await store.increment(key, -1, streamSlotTtlMs);
        // A refused stream should not also use up the client's minute.
        await limiter.reward(clientId, 1).catch(() => undefined);
        return { ok: false, retryAfterMs: streamRetryMs, reason: 'streams' };
      }
      let released = false;
      return {
        ok: true,
        async release() {
          if (released) return;
          released = true;
          // A slot whose key expired mid-stream would go negative and grant extra streams: reset it instead.
          if ((await store.increment(key, -1, streamSlotTtlMs)) < 0) await store.delete(key);
        },
      };
    },
  };
}
