import { parseRateLimitHeaders } from './rate-limit-snapshot';
import type { RunLine } from './run-line';

/**
 * A RunLine that calls an OpenAI-compatible /chat/completions directly (Groq, or the emulator in demo mode). A stand-in
 * until the lead backs RunLine with the gateway's chat service (router, fallback, budgets).
 */
export function fetchRunLine(config: { baseURL: string; apiKey: string; fetch?: typeof fetch }): RunLine {
  return async (body, context) => {
    const response = await (config.fetch ?? fetch)(`${config.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, stream: false }),
      signal: context.signal,
    });
    const rateLimit = parseRateLimitHeaders(response.headers);
    const requestId = response.headers.get('x-request-id') ?? '';
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { ok: true, body: json, requestId, rateLimit };
    const error = (json.error ?? {}) as { code?: unknown; message?: unknown };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      error: { code: typeof error.code === 'string' ? error.code : `http_${response.status}`, message: typeof error.message === 'string' ? error.message : `The provider answered ${response.status}.` },
      requestId,
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      rateLimit,
    };
  };
}
