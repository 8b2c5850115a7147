import type { RateLimitSnapshot } from './rate-limit-snapshot';

/** One line's call as the engine sees it: the completion, or a provider-shaped failure, with the rate-limit headers. */
export type RunLineResult =
  | { ok: true; body: Record<string, unknown>; requestId: string; rateLimit?: RateLimitSnapshot }
  | { ok: false; status: number; error: { code: string; message: string }; requestId?: string; retryAfterMs?: number; rateLimit?: RateLimitSnapshot };

/**
 * Runs one batch line's chat completion request body (non-streamed). The seam the lead backs with the gateway's chat
 * completion service (router, middleware, fallback chain, the key's budget); tests back it with a real emulator call.
 */
export type RunLine = (body: Record<string, unknown>, context: { batchId: string; customId: string; owner: string; signal: AbortSignal }) => Promise<RunLineResult>;

/** Whether trying the line again later can help: rate limits, timeouts, conflicts, server errors, lost connections. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 409 || status === 429 || status === 498 || status >= 500;
}
