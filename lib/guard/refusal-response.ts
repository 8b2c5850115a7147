import { recordRateLimited } from '@/lib/observability/record';
import { clientRateLimit, retryAfterSeconds } from './client-rate-limit';

/**
 * The 429 a refused client gets: the app's usual error body plus `retryAfterSeconds` for the page,
 * and `Retry-After`. Counts the refusal in flint_rate_limited_total.
 */
export function refusalResponse(route: string, retryAfterMs: number, headers: Record<string, string> = {}): Response {
  recordRateLimited(route);
  const seconds = retryAfterSeconds(retryAfterMs);
  return Response.json(
    { error: { code: clientRateLimit.code, message: clientRateLimit.message, retryable: true, retryAfterSeconds: seconds } },
    { status: clientRateLimit.status, headers: { ...headers, 'retry-after': String(seconds), 'cache-control': 'no-store' } },
  );
}
