/** What a provider's x-ratelimit-* headers said at one moment (Groq: requests per day, tokens per minute). */
export type RateLimitSnapshot = {
  at: number;
  limitRequests?: number;
  remainingRequests?: number;
  resetRequestsMs?: number;
  limitTokens?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
};

const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, us: 0.001, 'µs': 0.001, ns: 0.000001 };

/** Milliseconds in a Go duration such as `2m59.56s`, `7.66s` or `400ms`; undefined when unreadable. */
export function parseGoDuration(text: string): number | undefined {
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text.trim()) return undefined;
  return parts.reduce((sum, part) => sum + Number(part[1]) * (units[part[2] ?? ''] ?? 0), 0);
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Reads the rate-limit headers of a response; undefined when it carries none. */
export function parseRateLimitHeaders(headers: Headers, at = Date.now()): RateLimitSnapshot | undefined {
  const duration = (name: string) => {
    const value = headers.get(name);
    return value === null ? undefined : parseGoDuration(value);
  };
  const snapshot: RateLimitSnapshot = {
    at,
    limitRequests: numberHeader(headers, 'x-ratelimit-limit-requests'),
    remainingRequests: numberHeader(headers, 'x-ratelimit-remaining-requests'),
    resetRequestsMs: duration('x-ratelimit-reset-requests'),
    limitTokens: numberHeader(headers, 'x-ratelimit-limit-tokens'),
    remainingTokens: numberHeader(headers, 'x-ratelimit-remaining-tokens'),
    resetTokensMs: duration('x-ratelimit-reset-tokens'),
  };
  return snapshot.remainingTokens === undefined && snapshot.remainingRequests === undefined ? undefined : snapshot;
}
