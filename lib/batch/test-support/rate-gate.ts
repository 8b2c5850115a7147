/**
 * A fetch that enforces the emulator's reported limits, which the emulator itself only counts: a call that leaves the
 * token budget exhausted is answered with Groq's 429 instead. Counts the 429s it gave.
 */
export function rateGatedFetch(): { fetch: typeof fetch; refused: () => number } {
  let refused = 0;
  const gated: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const remaining = response.headers.get('x-ratelimit-remaining-tokens');
    if (response.status !== 200 || remaining === null || Number(remaining) > 0) return response;
    await response.arrayBuffer();
    refused += 1;
    const headers = new Headers(response.headers);
    headers.set('retry-after', '1');
    headers.set('content-type', 'application/json');
    headers.delete('content-length');
    const body = { error: { message: 'Rate limit reached on tokens per minute (TPM). Please try again in 1s.', type: 'tokens', code: 'rate_limit_exceeded' } };
    return new Response(JSON.stringify(body), { status: 429, headers });
  };
  return { fetch: gated, refused: () => refused };
}
