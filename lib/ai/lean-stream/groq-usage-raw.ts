import type { JSONObject } from '@ai-sdk/provider';

type Json = Record<string, unknown>;

function pick(source: Json, keys: readonly string[]): Json {
  const picked: Json = {};
  for (const key of keys) if (key in source) picked[key] = source[key];
  return picked;
}

/** Groq usage with only the fields @ai-sdk/groq's schema keeps (zod strips the rest, e.g. `queue_time`), as the SDK reports it in `usage.raw`. */
export function groqUsageRaw(usage: Json): JSONObject {
  const raw = pick(usage, ['prompt_tokens', 'completion_tokens', 'total_tokens']);
  for (const [key, inner] of [
    ['prompt_tokens_details', 'cached_tokens'],
    ['completion_tokens_details', 'reasoning_tokens'],
  ] as const) {
    if (!(key in usage)) continue;
    const details = usage[key];
    raw[key] = details !== null && typeof details === 'object' ? pick(details as Json, [inner]) : details;
  }
  // Every value came out of JSON.parse.
  return raw as JSONObject;
}
