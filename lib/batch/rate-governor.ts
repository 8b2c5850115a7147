import type { RateLimitSnapshot } from './rate-limit-snapshot';

/** A held slot: report how the call went so the budget and concurrency adjust. */
export type RatePermit = { done(report: { snapshot?: RateLimitSnapshot; rateLimited?: boolean; retryAfterMs?: number }): void };

/** Paces calls to one model by its rate-limit headers: waits before a 429 would come, speeds up as budgets refill. */
export type RateGovernor = {
  /** Resolves once a call charged about `tokens` fits the budget and a slot is free; rejects if `signal` aborts. */
  acquire(tokens: number, signal: AbortSignal): Promise<RatePermit>;
  /** The current concurrency ceiling (halved on a 429, raised by one per success up to the maximum). */
  concurrency(): number;
};

type Bucket = { limit: number; remaining: number; at: number; refillPerMs: number };

function bucketFrom(limit: number | undefined, remaining: number | undefined, resetMs: number | undefined, at: number): Bucket | undefined {
  if (limit === undefined || remaining === undefined) return undefined;
  // The reset header says when the bucket is full again, which gives the refill rate.
  const refillPerMs = resetMs !== undefined && resetMs > 0 ? (limit - remaining) / resetMs : Infinity;
  return { limit, remaining, at, refillPerMs };
}

function available(bucket: Bucket, now: number): number {
  if (bucket.refillPerMs === Infinity) return bucket.limit;
  return Math.min(bucket.limit, bucket.remaining + (now - bucket.at) * bucket.refillPerMs);
}

function waitFor(bucket: Bucket | undefined, needed: number, reserved: number, now: number): number {
  if (!bucket) return 0;
  const have = available(bucket, now) - reserved;
  if (have >= needed) return 0;
  // A call bigger than the whole budget goes alone on a full bucket (the provider then answers 413, not 429).
  if (reserved === 0 && have >= bucket.limit) return 0;
  const deficit = Math.min(needed, bucket.limit) - have;
  return bucket.refillPerMs > 0 ? Math.ceil(deficit / bucket.refillPerMs) : 60_000;
}

/** Creates a governor for one model's budget, starting at one call until the first headers arrive. */
export function createRateGovernor(options: { maxConcurrency: number; now?: () => number }): RateGovernor {
  const now = options.now ?? Date.now;
  let tokens: Bucket | undefined;
  let requests: Bucket | undefined;
  let known = false;
  let ceiling = options.maxConcurrency;
  let inFlight = 0;
  let reservedTokens = 0;
  let blockedUntil = 0;
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    wake();
    changed = new Promise<void>((resolve) => (wake = resolve));
  };

  const waitMs = (needed: number): number => {
    const current = now();
    if (inFlight >= (known ? ceiling : 1)) return Infinity;
    if (current < blockedUntil) return blockedUntil - current;
    return Math.max(waitFor(tokens, needed, reservedTokens, current), waitFor(requests, 1, inFlight, current));
  };

  return {
    concurrency: () => ceiling,
    async acquire(needed, signal) {
      for (;;) {
        signal.throwIfAborted();
        const wait = waitMs(needed);
        if (wait === 0) break;
        await new Promise<void>((resolve) => {
          const timer = Number.isFinite(wait) ? setTimeout(resolve, wait) : undefined;
          const finish = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', finish);
            resolve();
          };
          signal.addEventListener('abort', finish);
          void changed.then(finish);
        });
      }
      inFlight += 1;
      reservedTokens += needed;
      let released = false;
      return {
        done(report) {
          if (released) return;
          released = true;
          inFlight -= 1;
          reservedTokens -= needed;
          known = true;
          const snapshot = report.snapshot;
          if (snapshot) {
            tokens = bucketFrom(snapshot.limitTokens, snapshot.remainingTokens, snapshot.resetTokensMs, snapshot.at) ?? tokens;
            requests = bucketFrom(snapshot.limitRequests, snapshot.remainingRequests, snapshot.resetRequestsMs, snapshot.at) ?? requests;
          }
          if (report.rateLimited) {
            blockedUntil = Math.max(blockedUntil, now() + (report.retryAfterMs ?? 1_000));
            ceiling = Math.max(1, Math.floor(ceiling / 2));
          } else {
            ceiling = Math.min(options.maxConcurrency, ceiling + 1);
          }
          notify();
        },
      };
    },
  };
}
