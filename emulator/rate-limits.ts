import { formatGoDuration } from './go-duration.ts';
import type { EmulatedModel, Provider } from './types.ts';

const minute = 60_000;
const day = 86_400_000;

type Bucket = { usedRequests: number; usedTokens: number; updatedAt: number };

/** What a 429 fault wants the headers to say about the exhausted window. */
export type Exhaustion = { type: 'requests' | 'tokens'; retryAfterMs: number };

/** Tracks usage per provider and model as leaky buckets, so remaining values fall and recover like the real ones. */
export type RateLimits = {
  /** Counts one request and its tokens against the model's windows. */
  charge(provider: Provider, model: EmulatedModel | undefined, tokens: number): void;
  /** The x-ratelimit-* headers for a response about this model. */
  headers(provider: Provider, model: EmulatedModel | undefined, exhaustion?: Exhaustion): Record<string, string>;
};

/** Creates the counters behind the x-ratelimit-* headers; limits are reported, never enforced (use faults for 429s). */
export function createRateLimits(now: () => number = Date.now): RateLimits {
  const buckets = new Map<string, Bucket>();
  const fallbackLimits = { requests: 10_000, tokens: 1_000_000 };

  // Groq counts requests per day and tokens per minute; OpenAI both per minute.
  const windows = (provider: Provider) => ({ requests: provider === 'groq' ? day : minute, tokens: minute });

  const drained = (provider: Provider, model: EmulatedModel | undefined): Bucket => {
    const key = `${provider}:${model?.id ?? ''}`;
    const limits = model?.limits ?? fallbackLimits;
    const bucket = buckets.get(key) ?? { usedRequests: 0, usedTokens: 0, updatedAt: now() };
    const elapsed = now() - bucket.updatedAt;
    const window = windows(provider);
    bucket.usedRequests = Math.max(0, bucket.usedRequests - (elapsed * limits.requests) / window.requests);
    bucket.usedTokens = Math.max(0, bucket.usedTokens - (elapsed * limits.tokens) / window.tokens);
    bucket.updatedAt = now();
    buckets.set(key, bucket);
    return bucket;
  };

  return {
    charge(provider, model, tokens) {
      const bucket = drained(provider, model);
      bucket.usedRequests += 1;
      bucket.usedTokens += tokens;
    },
    headers(provider, model, exhaustion) {
      const limits = model?.limits ?? fallbackLimits;
      const bucket = drained(provider, model);
      const window = windows(provider);
      const used = { requests: Math.min(limits.requests, bucket.usedRequests), tokens: Math.min(limits.tokens, bucket.usedTokens) };
      const resetRequests = (used.requests / limits.requests) * window.requests;
      const resetTokens = (used.tokens / limits.tokens) * window.tokens;
      const exhausted = (kind: 'requests' | 'tokens') => exhaustion?.type === kind;
      return {
        'x-ratelimit-limit-requests': String(limits.requests),
        'x-ratelimit-limit-tokens': String(limits.tokens),
        'x-ratelimit-remaining-requests': String(exhausted('requests') ? 0 : Math.floor(limits.requests - used.requests)),
        'x-ratelimit-remaining-tokens': String(exhausted('tokens') ? 0 : Math.floor(limits.tokens - used.tokens)),
        'x-ratelimit-reset-requests': formatGoDuration(exhausted('requests') ? exhaustion!.retryAfterMs : resetRequests),
        'x-ratelimit-reset-tokens': formatGoDuration(exhausted('tokens') ? exhaustion!.retryAfterMs : resetTokens),
      };
    },
  };
}
