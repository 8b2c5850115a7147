import type { LanguageModelV4, LanguageModelV4Usage } from '@ai-sdk/provider';
import { decideFailure, type FailureDecision } from './failure-policy';
import type { FallbackAttempt, FallbackTrace } from './fallback-trace';
import type { HealthRegistry } from '../health/health';
import { DeadlineError } from './deadline-error';
import type { ModelEntry } from '../catalog/model-entry';
import { startProviderClock, type BusyClock } from './provider-clock';
import { onWire } from './wire-watch';

/** A model of the chain: its catalog entry and the SDK model that calls it. */
export interface FallbackCandidate {
  entry: ModelEntry;
  model: LanguageModelV4;
}

/** What a fallback call needs; shared by the streaming and the non-streaming path. */
export interface FallbackContext {
  candidates: readonly FallbackCandidate[];
  health: HealthRegistry;
  firstTokenTimeoutMs: number;
  totalTimeoutMs: number;
  trace: FallbackTrace;
  now: () => number;
  /** Observes every attempt row as it is recorded (the log, metrics and the badge read the same row). */
  onAttempt?: (attempt: FallbackAttempt) => void;
  /** Discounts our own busy event loop from the first-token deadline (the app passes `eventLoopBusyMs`). */
  busyClock?: BusyClock;
  /** Ms until a candidate's reported rate-limit budget covers this request again (skipped without a call until then). */
  overBudget?: (entry: ModelEntry) => number | undefined;
}

/** The outcome of a failed attempt as the chain sees it. */
export type AttemptFailure = { aborted: true } | { aborted: false; failure: FailureDecision };

/** One upstream call: its own abort signal (chained to the call's), first-token deadline and trace row. */
export interface Attempt {
  readonly candidate: FallbackCandidate;
  readonly signal: AbortSignal;
  /** The first content arrived: stop the first-token clock and tell health the model works. */
  markResponsive(): void;
  succeeded(usage: LanguageModelV4Usage | undefined): void;
  failed(error: unknown, afterOutput: boolean): AttemptFailure;
  /** The consumer stopped reading: end the upstream call without judging the model. */
  cancel(): void;
}

/** The per-call state of a fallback call: the total deadline and the caller's abort. */
export interface FallbackRun {
  /** The attempts recorded by this call (the trace may hold earlier calls' too). */
  attempts(): FallbackAttempt[];
  callerAborted(): boolean;
  callerReason(): unknown;
  deadlinePassed(): boolean;
  /** The consumer cancelled the stream: abort every upstream call of this run, judged like a caller abort. */
  cancel(reason: unknown): void;
  /** Resolves after `ms`, or at once when the run is aborted or cancelled. */
  wait(ms: number): Promise<void>;
  /** Whether a second round may call this candidate again: only when every failure it had here was transient. */
  mayRetry(candidate: FallbackCandidate): boolean;
  /** Asks health whether the candidate may be called; records a skipped attempt when not. */
  admit(candidate: FallbackCandidate, phase: FallbackAttempt['phase']): boolean;
  startAttempt(candidate: FallbackCandidate, phase: FallbackAttempt['phase'], firstTokenDeadline: boolean): Attempt;
  dispose(): void;
}

/** Starts the clock and abort wiring of one doStream/doGenerate call. */
export function startFallbackRun(context: FallbackContext, callerSignal: AbortSignal | undefined): FallbackRun {
  const { health, trace, now } = context;
  const controller = new AbortController();
  let deadlinePassed = false;
  const totalTimer = setTimeout(() => {
    deadlinePassed = true;
    controller.abort(new DeadlineError('total', context.totalTimeoutMs));
  }, context.totalTimeoutMs);
  let cancelled = false;
  let cancelReason: unknown;
  const stopped = () => cancelled || callerSignal?.aborted === true;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  function record(attempt: FallbackAttempt) {
    trace.attempts.push(attempt);
    context.onAttempt?.(attempt);
  }

  function row(candidate: FallbackCandidate, phase: FallbackAttempt['phase']) {
    return { modelId: candidate.entry.id, provider: candidate.entry.provider, label: candidate.entry.label, phase };
  }

  const firstAttemptIndex = trace.attempts.length;

  return {
    attempts: () => trace.attempts.slice(firstAttemptIndex),
    callerAborted: stopped,
    callerReason: () => (callerSignal?.aborted ? callerSignal.reason : cancelReason),
    cancel(reason) {
      cancelled = true;
      cancelReason = reason;
      controller.abort(reason);
    },
    deadlinePassed: () => deadlinePassed,
    dispose() {
      clearTimeout(totalTimer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },

    wait(ms) {
      return new Promise<void>((resolve) => {
        if (controller.signal.aborted) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          controller.signal.removeEventListener('abort', done);
          resolve();
        }
        controller.signal.addEventListener('abort', done, { once: true });
      });
    },

    mayRetry(candidate) {
      return trace.attempts
        .slice(firstAttemptIndex)
        .every((attempt) => attempt.modelId !== candidate.entry.id || retryOutcomes.has(attempt.outcome));
    },

    admit(candidate, phase) {
      const budgetWaitMs = context.overBudget?.(candidate.entry);
      if (budgetWaitMs !== undefined) {
        record({ ...row(candidate, phase), outcome: 'skipped_budget', ms: 0, retryAfterMs: budgetWaitMs });
        return false;
      }
      const admission = health.admit(candidate.entry);
      if (admission.admitted) return true;
      record({
        ...row(candidate, phase),
        outcome: admission.reason === 'misconfigured' ? 'skipped_misconfigured' : 'skipped_open',
        ms: 0,
        ...(admission.retryAfterMs === undefined ? {} : { retryAfterMs: admission.retryAfterMs }),
        ...(admission.cause === undefined ? {} : { openCause: admission.cause }),
      });
      return false;
    },

    startAttempt(candidate, phase, firstTokenDeadline) {
      const startedAt = now();
      const attemptController = new AbortController();
      const onRunAbort = () => attemptController.abort(controller.signal.reason);
      if (controller.signal.aborted) onRunAbort();
      else controller.signal.addEventListener('abort', onRunAbort, { once: true });
      const clock = firstTokenDeadline
        ? startProviderClock(
            context.firstTokenTimeoutMs,
            now,
            () => attemptController.abort(new DeadlineError('first-token', context.firstTokenTimeoutMs)),
            context.busyClock,
          )
        : undefined;
      if (clock !== undefined) onWire(attemptController.signal, () => clock.sent());
      let responsive = false;
      let ended = false;

      // Returns false when the attempt was already settled, so each call is recorded once.
      function end() {
        if (ended) return false;
        ended = true;
        clock?.stop();
        controller.signal.removeEventListener('abort', onRunAbort);
        return true;
      }

      return {
        candidate,
        signal: attemptController.signal,
        markResponsive() {
          if (responsive) return;
          responsive = true;
          clock?.stop();
          health.recordSuccess(candidate.entry);
        },
        succeeded(usage) {
          if (!end()) return;
          // A completed stream counts as well as its first token: successes keep pace with concurrent failures.
          health.recordSuccess(candidate.entry);
          record({ ...row(candidate, phase), outcome: 'ok', ms: now() - startedAt, ...(usage ? { usage } : {}) });
        },
        cancel() {
          attemptController.abort(callerSignal?.reason);
          if (!end()) return;
          record({ ...row(candidate, phase), outcome: 'aborted', ms: now() - startedAt });
          if (!responsive) health.release(candidate.entry);
        },
        failed(error, afterOutput) {
          // Stop the upstream call whatever happened (an error part leaves the connection open).
          if (!attemptController.signal.aborted) attemptController.abort(error);
          const reason = attemptController.signal.reason;
          if (!end()) return { aborted: true };
          const ms = now() - startedAt;
          if (stopped()) {
            record({ ...row(candidate, phase), outcome: 'aborted', ms });
            if (!responsive) health.release(candidate.entry);
            return { aborted: true };
          }
          const cause = DeadlineError.isInstance(reason) ? reason : error;
          const failure = onceMore(decideFailure(cause, 'chat'), trace.attempts.slice(firstAttemptIndex));
          record({
            ...row(candidate, phase),
            outcome: afterOutput ? 'interrupted' : failure.outcome,
            ms,
            ...(failure.status === undefined ? {} : { status: failure.status }),
            ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
            ...(failure.providerCode === undefined ? {} : { providerCode: failure.providerCode }),
            detail: describe(cause),
          });
          if (failure.healthEffect === 'none') {
            if (!responsive) health.release(candidate.entry);
          } else {
            health.recordFailure(candidate.entry, {
              kind: failure.healthEffect,
              ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
            });
          }
          return { aborted: false, failure };
        },
      };
    },
  };
}

/** A broken tool call is retried once, on the next model: a second one in the same call ends it as the provider's rejection. */
function onceMore(failure: FailureDecision, earlier: readonly FallbackAttempt[]): FailureDecision {
  if (failure.outcome !== 'tool_call_failed' || !earlier.some((attempt) => attempt.outcome === 'tool_call_failed')) return failure;
  return { ...failure, action: 'stop', userCode: 'invalid_request:chat' };
}

// A model that failed like this may well answer the same request a moment later.
const retryOutcomes = new Set<FallbackAttempt['outcome']>(['server_error', 'connection', 'timeout', 'interrupted', 'ok', 'rate_limited', 'skipped_open', 'skipped_budget']);

function describe(error: unknown) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
