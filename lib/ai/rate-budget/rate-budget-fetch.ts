import type { BudgetModel } from './model-budget';
import type { RateBudgets } from './rate-budgets';

type Fetch = typeof globalThis.fetch;

/** Finds which model a provider request is for; undefined skips recording. */
export type ModelOf = (url: string, init: RequestInit | undefined) => BudgetModel | undefined;

/**
 * A `fetch` for the providers' `fetch` option that feeds every response's rate-limit headers into
 * the budgets. Recording runs beside the response, never in front of it: a slow Store adds no latency.
 */
export function createRateBudgetFetch(budgets: RateBudgets, modelOf: ModelOf, baseFetch: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const response = await baseFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const model = modelOf(url, init);
    if (model !== undefined) void budgets.record(model, response.headers).catch(() => undefined);
    return response;
  };
}

/**
 * The usual {@link ModelOf}: the provider from which base URL the request goes to, the model from the
 * JSON body's `model` (chat) or the multipart `model` field (transcription).
 */
export function modelOfRequest(baseURLs: Record<string, string>): ModelOf {
  const prefixes = Object.entries(baseURLs).sort(([, a], [, b]) => b.length - a.length);
  return (url, init) => {
    const provider = prefixes.find(([, base]) => url.startsWith(base))?.[0];
    if (provider === undefined) return undefined;
    const model = modelFromBody(init?.body);
    return model === undefined ? undefined : { provider, model };
  };
}

// The SDKs serialise `model` first; reading it there spares a parse of the whole conversation per
// call (~50 µs CPU at a short chat's size, growing with its length). Escaped ids take the full parse.
const leadingModel = /^\{"model":"([^"\\]*)"/;

function modelFromBody(body: RequestInit['body'] | undefined): string | undefined {
  if (typeof body === 'string') {
    const leading = leadingModel.exec(body);
    if (leading !== null) return leading[1];
    try {
      const parsed: unknown = JSON.parse(body);
      const model = typeof parsed === 'object' && parsed !== null ? (parsed as { model?: unknown }).model : undefined;
      return typeof model === 'string' ? model : undefined;
    } catch {
      return undefined;
    }
  }
  if (body instanceof FormData) {
    const model = body.get('model');
    return typeof model === 'string' ? model : undefined;
  }
  return undefined;
}
