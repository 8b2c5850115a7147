import { env } from '../env.ts';
import { createStore } from '../store/create-store.ts';
import type { Store } from '../store/store.ts';
import { createKeyRateLimits, type KeyRateLimits } from './key-rate-limits.ts';

const shared = globalThis as typeof globalThis & { flintKeyRateLimits?: KeyRateLimits; flintGatewayStore?: Store };

/** The process-wide per-key rate limits, in Redis when REDIS_URL names one (shared by instances). */
export function keyRateLimits(): KeyRateLimits {
  shared.flintGatewayStore ??= createStore({ redisUrl: env.redisUrl });
  shared.flintKeyRateLimits ??= createKeyRateLimits(shared.flintGatewayStore);
  return shared.flintKeyRateLimits;
}
