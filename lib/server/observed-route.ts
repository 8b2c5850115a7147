import 'server-only';
import type { Logger } from 'pino';
import { clientIdFrom } from '@/lib/guard/client-id';
import { refusalResponse } from '@/lib/guard/refusal-response';
import { FlintError } from '@/lib/errors';
import { errorResponse } from '@/lib/http';
import { observeRequest, type RequestSummary } from '@/lib/observability/observe-request';
import { recordTimeToFirstToken, recordUsage } from '@/lib/observability/record';
import { requestIdFrom } from '@/lib/observability/request-id';
import { requestLogger } from '@/lib/observability/request-logger';
import { isCrossSite, originHeaders } from '@/lib/security/cross-site-verdict';
import type { RequestRecord } from '@/lib/services/request-log';
import { createAttemptObserver, type ObservedAttempt } from './attempt-observer';
import { syncBreakerGauges } from './breaker-gauges';
import { runtime as processRuntime, type Runtime } from './runtime';

/** What a route handler gets from {@link observedRoute}. */
export type RouteContext = {
  requestId: string;
  log: Logger;
  runtime: Runtime;
  /** Pass to the service's chain: counts every attempt and logs a warn line per failed or skipped model. */
  onAttempt(attempt: ObservedAttempt): void;
  /** Adds what the service learned (served-by, tokens, cost, cache) to the request's one line. */
  note(summary: Omit<Partial<RequestSummary>, 'attempts' | 'durationMs'>): void;
  /** The chat service's record of the request, folded into the same line. */
  record(record: RequestRecord): void;
  /** The first output token is on its way to the client (time to first token). */
  firstToken(): void;
  /**
   * The streamed response's end is reported by the service's record (the chat service writes one
   * when its stream closes, fails or is cancelled): the body then needs no extra per-chunk stage.
   */
  endsWithRecord(): void;
};

// How long a streamed answer may take is bounded by the chat service; an event stream ends the request when it closes.
const streaming = (response: Response) => response.body !== null && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');

/**
 * The request path around every model route: request id in and out, the same-origin rule (403
 * `forbidden:api` for another site's browser, before anything is read or counted), the client rate guard (429
 * `rate_limit:client` before any provider call; the slot freed when the response ends, fails or is
 * aborted), one summary log line and the request metrics when the response has ended.
 */
export async function observedRoute(
  request: Request,
  route: string,
  handler: (context: RouteContext) => Promise<Response>,
  runtime: Runtime = processRuntime(),
): Promise<Response> {
  const startedAt = performance.now();
  const requestId = requestIdFrom(request.headers);
  // Made when first written to (the summary line, after the response): a pino child serialises its
  // bindings at once, work that would otherwise sit before the upstream call.
  let requestLog: Logger | undefined;
  const log = () => (requestLog ??= requestLogger(requestId, route, runtime.log));
  const idHeader = { 'x-request-id': requestId };

  // proxy.ts leaves the model routes alone (its pass costs ~1 ms CPU per request, measured on /api/health), so the rule is applied here.
  if (isCrossSite(originHeaders(request.headers))) {
    const refused = new FlintError('forbidden:api');
    observeRequest(log(), route, { status: refused.status, durationMs: performance.now() - startedAt, code: refused.code });
    const response = errorResponse(refused);
    response.headers.set('x-request-id', requestId);
    return response;
  }

  const admission = await runtime.guard.admit(clientIdFrom(request.headers, runtime.config.rateGuard.trustProxy));
  if (!admission.ok) {
    observeRequest(log(), route, { status: 429, durationMs: performance.now() - startedAt, code: 'rate_limit:client' });
    return refusalResponse(route, admission.retryAfterMs, idHeader);
  }

  const observer = createAttemptObserver(log);
  const noted: Partial<RequestSummary> = {};
  let ttftMs: number | undefined;
  let byRecord = false;
  let recorded = false;
  let finished = false;
  const context: RouteContext = {
    requestId, runtime,
    get log() {
      return log();
    },
    onAttempt: observer.onAttempt,
    note: (summary) => void Object.assign(noted, summary),
    record(record) {
      Object.assign(noted, summaryOfRecord(record));
      recorded = true;
      if (byRecord) finish(record.status);
    },
    firstToken: () => void (ttftMs ??= performance.now() - startedAt),
    endsWithRecord: () => void (byRecord = true),
  };

  const finish = (status: number) => {
    if (finished) return;
    finished = true;
    void admission.release().catch(() => undefined);
    const summary: RequestSummary = { status, ...noted, durationMs: performance.now() - startedAt, attempts: observer.attempts() };
    try {
      observeRequest(log(), route, summary);
      recordServed(summary, ttftMs);
      if (observer.anyFailed()) syncBreakerGauges(runtime);
    } catch {
      // Observing must never break an answer.
    }
  };

  let response: Response;
  try {
    response = await handler(context);
  } catch (error) {
    response = errorResponse(error);
  }
  if (byRecord && streaming(response)) {
    // The stream may already have ended (a short answer) before the handler returned.
    if (recorded) finish(noted.status ?? response.status);
    response.headers.set('x-request-id', requestId);
    return response;
  }
  byRecord = false;
  if (!streaming(response)) {
    const headers = new Headers(response.headers);
    headers.set('x-request-id', requestId);
    finish(noted.status ?? response.status);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const reader = response.body!.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          finish(noted.status ?? response.status);
        } else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
        finish(noted.status ?? 500);
      }
    },
    async cancel(reason) {
      // The service writes its record as the cancel reaches it; the line waits for that.
      await reader.cancel(reason).catch(() => undefined);
      finish(noted.status ?? 499);
    },
  });
  const headers = new Headers(response.headers);
  headers.set('x-request-id', requestId);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The chat service's record in the summary line's words. */
function summaryOfRecord(record: RequestRecord): Partial<RequestSummary> {
  return {
    status: record.status,
    ...(record.tier === undefined ? {} : { tier: record.tier }),
    ...(record.servedBy === undefined ? {} : { servedBy: record.servedBy }),
    ...(record.fromCache ? { fromCache: true } : {}),
    ...(record.inputTokens === undefined && record.outputTokens === undefined ? {} : { tokens: { input: record.inputTokens, output: record.outputTokens } }),
    ...(record.costUsd === undefined ? {} : { costUsd: record.costUsd }),
    ...(record.errorCode === undefined ? {} : { code: record.errorCode }),
  };
}

/** Tokens, cost and time to first token of the model that served the request (a cache hit used none). */
function recordServed(summary: RequestSummary, ttftMs: number | undefined): void {
  if (summary.servedBy === undefined || summary.fromCache) return;
  const served = summary.attempts?.findLast((attempt) => attempt.outcome === 'ok' || attempt.outcome === 'interrupted');
  if (served === undefined) return;
  const labels = { provider: served.provider, model: served.model };
  recordUsage({ ...labels, inputTokens: summary.tokens?.input, outputTokens: summary.tokens?.output, cachedTokens: summary.tokens?.cached, costUsd: summary.costUsd });
  if (ttftMs !== undefined) recordTimeToFirstToken({ ...labels, ms: ttftMs });
}
