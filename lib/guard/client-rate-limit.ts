/**
 * The error a refused client gets. lib/errors.ts should carry this code in its catalog
 * (`'rate_limit:client': [429, clientRateLimit.message]`); until it does, callers build the answer from here.
 */
export const clientRateLimit = {
  code: 'rate_limit:client',
  status: 429,
  message: 'You are sending requests too quickly. Please wait a moment and try again.',
} as const;

/** The Retry-After header value (whole seconds, at least 1) for a wait in milliseconds. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
