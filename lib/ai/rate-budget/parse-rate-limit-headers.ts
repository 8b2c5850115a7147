import type { ModelBudget } from './model-budget';
import { parseGoDuration } from './parse-go-duration';

function count(headers: Headers, name: string): number | undefined {
  const text = headers.get(name);
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function resetAt(headers: Headers, name: string, now: number): number | undefined {
  const text = headers.get(name);
  const ms = text === null ? undefined : parseGoDuration(text);
  return ms === undefined ? undefined : now + ms;
}

/**
 * Reads the x-ratelimit-* headers every Groq and OpenAI response carries (Groq: requests per day,
 * tokens per minute; OpenAI: both per minute). Undefined when the response has none of them.
 */
export function parseRateLimitHeaders(headers: Headers, now: number): ModelBudget | undefined {
  const budget: ModelBudget = { observedAt: now };
  const fields = {
    remainingRequests: count(headers, 'x-ratelimit-remaining-requests'),
    remainingTokens: count(headers, 'x-ratelimit-remaining-tokens'),
    limitRequests: count(headers, 'x-ratelimit-limit-requests'),
    limitTokens: count(headers, 'x-ratelimit-limit-tokens'),
    requestsResetAt: resetAt(headers, 'x-ratelimit-reset-requests', now),
    tokensResetAt: resetAt(headers, 'x-ratelimit-reset-tokens', now),
  };
  let any = false;
  for (const [name, value] of Object.entries(fields) as Array<[keyof typeof fields, number | undefined]>) {
    if (value === undefined) continue;
    budget[name] = value;
    any = true;
  }
  return any ? budget : undefined;
}
