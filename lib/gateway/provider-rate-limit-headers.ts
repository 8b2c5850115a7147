/** The provider's `x-ratelimit-*` and `retry-after` headers of a response, passed on so callers can pace themselves. */
export function providerRateLimitHeaders(headers: Record<string, string | undefined> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (value !== undefined && (lower.startsWith('x-ratelimit-') || lower === 'retry-after')) kept[lower] = value;
  }
  return kept;
}
