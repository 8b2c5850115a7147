import type { Logger } from 'pino';
import { recordRequest } from './record';

/** One model call of a request, as the fallback chain's onAttempt hook reports it. */
export type AttemptSummary = { provider: string; model: string; outcome: string; status?: number; ms: number; ttftMs?: number };

/** What one line per request says about it (never the prompt or any key). */
export type RequestSummary = {
  status: number;
  durationMs: number;
  tier?: string;
  attempts?: AttemptSummary[];
  /** `provider/model`, or undefined when nothing answered. */
  servedBy?: string;
  fromCache?: boolean;
  tokens?: { input?: number; output?: number; cached?: number };
  costUsd?: number;
  /** The error code a failed request answered with. */
  code?: string;
};

/** Writes the request's single summary line (error level from 500 up) and counts it in the metrics. */
export function observeRequest(log: Logger, route: string, summary: RequestSummary): void {
  recordRequest({ route, status: summary.status, durationMs: summary.durationMs });
  const level = summary.status >= 500 ? 'error' : summary.status >= 400 ? 'warn' : 'info';
  log[level]({ ...summary, durationMs: Math.round(summary.durationMs) }, 'request');
}
