import { metrics } from './metrics';

/** Which model a measurement is about. */
export type ModelLabels = { provider: string; model: string };

/** Records one answered API request and how long it took. */
export function recordRequest(input: { route: string; status: number; durationMs: number }): void {
  const m = metrics();
  m.httpRequests.inc({ route: input.route, status: String(input.status) });
  m.httpDuration.observe({ route: input.route }, input.durationMs / 1000);
}

/** Records one call to a model: its outcome and, when output started, the time to the first token. */
export function recordAttempt(input: ModelLabels & { outcome: string; ttftMs?: number }): void {
  const m = metrics();
  m.attempts.inc({ provider: input.provider, model: input.model, outcome: input.outcome });
  if (input.ttftMs !== undefined) m.ttft.observe({ provider: input.provider, model: input.model }, input.ttftMs / 1000);
}

/** Records the tokens and cost of a served answer. */
export function recordUsage(input: ModelLabels & { inputTokens?: number; outputTokens?: number; cachedTokens?: number; costUsd?: number }): void {
  const m = metrics();
  const labels = { provider: input.provider, model: input.model };
  if (input.inputTokens) m.tokens.inc({ ...labels, kind: 'input' }, input.inputTokens);
  if (input.outputTokens) m.tokens.inc({ ...labels, kind: 'output' }, input.outputTokens);
  if (input.cachedTokens) m.tokens.inc({ ...labels, kind: 'cached' }, input.cachedTokens);
  if (input.costUsd) m.cost.inc(labels, input.costUsd);
}

/** Records a hand-over from one model (`provider/model`) to the next. */
export function recordFallback(input: { from: string; to: string; reason: string }): void {
  metrics().fallbacks.inc(input);
}

/** Sets whether a model's breaker is open. */
export function setBreakerOpen(input: ModelLabels & { open: boolean }): void {
  metrics().breakerOpen.set({ provider: input.provider, model: input.model }, input.open ? 1 : 0);
}

/** Sets a model's last reported remaining requests or tokens. */
export function setRateLimitRemaining(input: ModelLabels & { kind: 'requests' | 'tokens'; remaining: number }): void {
  metrics().rateLimitRemaining.set({ provider: input.provider, model: input.model, kind: input.kind }, input.remaining);
}

/** Records one response-cache lookup. */
export function recordCache(result: 'hit' | 'miss' | 'skip'): void {
  metrics().cacheRequests.inc({ result });
}

/** Records a client request refused by the rate guard. */
export function recordRateLimited(route: string): void {
  metrics().rateLimited.inc({ route });
}

/** Records the time from a request's arrival to its first output token, labelled by the model that served it. */
export function recordTimeToFirstToken(input: ModelLabels & { ms: number }): void {
  metrics().ttft.observe({ provider: input.provider, model: input.model }, input.ms / 1000);
}
