import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisStore } from '../store/redis-store.ts';
import type { Store } from '../store/store.ts';

/** What a key allows per minute (null: no limit). */
export interface KeyLimits {
  id: string;
  rpm: number | null;
  tpm: number | null;
}

/** Admitted (with a way to correct the token count once the real usage is known), or refused with a wait. */
export type KeyAdmission =
  | { ok: true; settleTokens(actualTokens: number): Promise<void> }
  | { ok: false; limit: 'rpm' | 'tpm'; retryAfterMs: number };

/** Per-key requests and tokens per minute, shared between instances when the store is Redis. */
export interface KeyRateLimits {
  admit(key: KeyLimits, estimatedTokens: number): Promise<KeyAdmission>;
}

const isRedisStore = (store: Store): store is RedisStore => store.backend === 'redis' && 'client' in store;
const open: KeyAdmission = { ok: true, settleTokens: async () => {} };

/**
 * The rate guard for gateway keys (rate-limiter-flexible, in memory or in Redis with a local
 * insurance limiter while Redis is down, as lib/guard does for clients). `tpm` is charged at
 * admission with the estimate (prompt plus maximum output, capped at the key's tpm so one request
 * can always start on an idle minute) and corrected with the real usage after: the unused part is
 * given back, an overrun is added, both inside the same minute window.
 */
export function createKeyRateLimits(store: Store): KeyRateLimits {
  // One limiter per limit value: a limiter's points are fixed, and keys differ.
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiter = (kind: 'rpm' | 'tpm', points: number) => {
    const name = `${kind}:${points}`;
    let found = limiters.get(name);
    if (found === undefined) {
      const options = { keyPrefix: `flint:key-${kind}:${points}`, points, duration: 60 };
      found = isRedisStore(store)
        ? new RateLimiterRedis({ ...options, storeClient: store.client, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      limiters.set(name, found);
    }
    return found;
  };
  // A refusal carries the wait; anything else is the limiter's storage failing, which never refuses a request.
  const consume = async (target: RateLimiterAbstract, id: string, points: number) => {
    try {
      await target.consume(id, points);
      return 0;
    } catch (refusal) {
      return refusal instanceof RateLimiterRes ? Math.max(1, refusal.msBeforeNext) : 0;
    }
  };

  return {
    async admit(key, estimatedTokens) {
      if (key.rpm === null && key.tpm === null) return open;
      const requests = key.rpm === null ? undefined : limiter('rpm', key.rpm);
      if (requests !== undefined) {
        const wait = await consume(requests, key.id, 1);
        if (wait > 0) return { ok: false, limit: 'rpm', retryAfterMs: wait };
      }
      if (key.tpm === null) return open;
      const tokens = limiter('tpm', key.tpm);
      const charged = Math.max(1, Math.min(key.tpm, Math.ceil(estimatedTokens)));
      const wait = await consume(tokens, key.id, charged);
      if (wait > 0) {
        // The limiter counts a refused consume too: a request it refused gives its tokens and its request point back.
        await Promise.all([tokens.reward(key.id, charged), requests?.reward(key.id, 1)].map((undo) => undo?.catch(() => undefined)));
        return { ok: false, limit: 'tpm', retryAfterMs: wait };
      }
      return {
        ok: true,
        async settleTokens(actualTokens) {
          const difference = Math.ceil(actualTokens) - charged;
          if (difference < 0) await tokens.reward(key.id, -difference).catch(() => undefined);
          else if (difference > 0) await tokens.penalty(key.id, difference).catch(() => undefined);
        },
      };
    },
  };
}
