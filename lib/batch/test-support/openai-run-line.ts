import OpenAI, { APIError } from 'openai';
import { parseRateLimitHeaders } from '../rate-limit-snapshot';
import type { RunLine } from '../run-line';

/** A RunLine backed by the official openai client (tests point it at the emulator); the gateway's service replaces it. */
export function openaiRunLine(client: OpenAI): RunLine {
  return async (body, context) => {
    try {
      const { data, response } = await client.chat.completions
        .create({ ...(body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming), stream: false }, { signal: context.signal })
        .withResponse();
      return { ok: true, body: data as unknown as Record<string, unknown>, requestId: response.headers.get('x-request-id') ?? '', rateLimit: parseRateLimitHeaders(response.headers) };
    } catch (error) {
      if (!(error instanceof APIError) || error.status === undefined) throw error;
      const retryAfter = Number(error.headers?.get('retry-after'));
      return {
        ok: false,
        status: error.status,
        error: { code: error.code ?? 'error', message: error.message },
        requestId: error.requestID ?? undefined,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
        rateLimit: error.headers ? parseRateLimitHeaders(error.headers) : undefined,
      };
    }
  };
}
