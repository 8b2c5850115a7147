import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatGoDuration } from './go-duration.ts';
import type { RateLimits } from './rate-limits.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './send-json.ts';
import type { Provider } from './types.ts';

/** What a test wants the x-ratelimit-* headers to say for a provider's model (all its models when `model` is absent). */
export type BudgetOverride = {
  provider: Provider;
  model?: string;
  remainingTokens?: number;
  remainingRequests?: number;
  /** Until when the reported window lasts; 60 s for tokens and a day (Groq) / 60 s (OpenAI) for requests when absent. */
  resetTokensMs?: number;
  resetRequestsMs?: number;
};

/** Rate limits whose reported remaining values tests can set (e.g. 0 tokens left on the primary). */
export type BudgetOverrides = RateLimits & {
  set(override: BudgetOverride): void;
  clear(): void;
  list(): BudgetOverride[];
};

const marker = Symbol.for('flint.emulator.budget-overrides');

/** Wraps the counted rate limits so reported budgets can be pinned; the newest override for a model wins. */
export function withBudgetOverrides(inner: RateLimits): BudgetOverrides {
  let overrides: BudgetOverride[] = [];
  return {
    [marker]: true,
    charge: (provider, model, tokens) => inner.charge(provider, model, tokens),
    headers(provider, model, exhaustion) {
      const headers = inner.headers(provider, model, exhaustion);
      const override = overrides.findLast((entry) => entry.provider === provider && (entry.model === undefined || entry.model === model?.id));
      if (override === undefined) return headers;
      if (override.remainingTokens !== undefined) {
        headers['x-ratelimit-remaining-tokens'] = String(override.remainingTokens);
        headers['x-ratelimit-reset-tokens'] = formatGoDuration(override.resetTokensMs ?? 60_000);
      }
      if (override.remainingRequests !== undefined) {
        headers['x-ratelimit-remaining-requests'] = String(override.remainingRequests);
        headers['x-ratelimit-reset-requests'] = formatGoDuration(override.resetRequestsMs ?? (provider === 'groq' ? 86_400_000 : 60_000));
      }
      return headers;
    },
    set: (override) => void overrides.push(override),
    clear: () => void (overrides = []),
    list: () => [...overrides],
  } as BudgetOverrides;
}

function isBudgetOverrides(limits: RateLimits): limits is BudgetOverrides {
  return (limits as unknown as Record<symbol, unknown>)[marker] === true;
}

/** Says what is wrong with a posted override, or undefined. */
export function budgetOverrideProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'expected an object';
  const spec = value as Record<string, unknown>;
  if (spec.provider !== 'groq' && spec.provider !== 'openai') return 'provider must be "groq" or "openai"';
  if (spec.model !== undefined && typeof spec.model !== 'string') return 'model must be a string';
  for (const name of ['remainingTokens', 'remainingRequests', 'resetTokensMs', 'resetRequestsMs']) {
    const field = spec[name];
    if (field !== undefined && (typeof field !== 'number' || !Number.isFinite(field) || field < 0)) return `${name} must be a number >= 0`;
  }
  if (spec.remainingTokens === undefined && spec.remainingRequests === undefined) return 'set remainingTokens or remainingRequests';
  return undefined;
}

/** GET lists, POST adds (one override or an array), DELETE clears: /_emulator/rate-limits. */
export async function budgetOverridesRoute(limits: RateLimits, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isBudgetOverrides(limits)) return sendJson(response, 404, { error: { message: 'rate-limit overrides are not installed' } });
  if (request.method === 'GET') return sendJson(response, 200, limits.list());
  if (request.method === 'DELETE') {
    limits.clear();
    response.writeHead(204);
    response.end();
    return;
  }
  const text = (await readBody(request, 64 * 1024)).toString('utf8');
  const body: unknown = text === '' ? {} : JSON.parse(text);
  const specs = Array.isArray(body) ? body : [body];
  const problem = specs.map(budgetOverrideProblem).find(Boolean);
  if (problem) return sendJson(response, 400, { error: { message: `invalid rate-limit override: ${problem}` } });
  for (const spec of specs) limits.set(spec as BudgetOverride);
  return sendJson(response, 201, limits.list());
}
