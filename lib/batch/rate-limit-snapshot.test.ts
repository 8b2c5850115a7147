import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseRateLimitHeaders } from './rate-limit-snapshot';

describe('rate-limit headers', () => {
  it('reads Go durations in h, m, s and ms', () => {
    expect(parseGoDuration('2m59.56s')).toBeCloseTo(179_560);
    expect(parseGoDuration('7.66s')).toBeCloseTo(7_660);
    expect(parseGoDuration('400ms')).toBe(400);
    expect(parseGoDuration('1h0m0s')).toBe(3_600_000);
    expect(parseGoDuration('soon')).toBeUndefined();
  });

  it('reads the x-ratelimit-* headers, or nothing when absent', () => {
    const headers = new Headers({ 'x-ratelimit-limit-tokens': '8000', 'x-ratelimit-remaining-tokens': '7100', 'x-ratelimit-reset-tokens': '6.75s', 'x-ratelimit-remaining-requests': '999' });
    expect(parseRateLimitHeaders(headers, 5)).toEqual({ at: 5, limitTokens: 8000, remainingTokens: 7100, resetTokensMs: 6750, remainingRequests: 999, limitRequests: undefined, resetRequestsMs: undefined });
    expect(parseRateLimitHeaders(new Headers())).toBeUndefined();
  });
});
