import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import { stopError } from './stop-error';
import { UpstreamStreamError } from './upstream-stream-error';
import { untilAborted } from './until-aborted';
import type { Attempt, FallbackCandidate, FallbackRun } from './fallback-run';
import type { FallbackAttempt } from './fallback-trace';
import { StreamEndedError } from './stream-ended-error';

/** A stream attempt that produced its first output and now owns the answer. */
export interface OpenedStream {
  attempt: Attempt;
  reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart>;
  /** Parts read before and including the first output, to forward first. */
  buffered: LanguageModelV4StreamPart[];
  request: LanguageModelV4StreamResult['request'];
  response: LanguageModelV4StreamResult['response'];
  /** Position of the next candidate in the walk (the second round counts on from the first). */
  nextIndex: number;
}

// Parts that carry no output: a stream may send them and still fail before its first token.
const silentParts = new Set<LanguageModelV4StreamPart['type']>([
  'stream-start',
  'response-metadata',
  'text-start',
  'reasoning-start',
  'text-end',
  'reasoning-end',
  'raw',
  'ping',
]);

/**
 * Walks candidates from `fromIndex` until one produces output, in two rounds (the second only for
 * candidates whose failures here were transient: a 5xx, a dropped connection, a stall). An `answer` opens on its first
 * output of any kind; a `continuation` opens on its first text, since only its text is forwarded.
 * Failures before that point fall through to the next candidate. Returns undefined when none
 * could start; throws the caller's abort reason, or RequestRejectedError for a request a provider
 * calls wrong (only in the answer phase: a continuation that is rejected just cannot continue).
 */
export async function openStreamAttempt(
  run: FallbackRun,
  candidates: readonly FallbackCandidate[],
  fromIndex: number,
  options: LanguageModelV4CallOptions,
  phase: 'answer' | 'continuation',
): Promise<OpenedStream | undefined> {
  let walkStart = run.attempts().length;
  let opened = await walk(run, candidates, fromIndex, options, phase);
  for (let waits = 0; opened === undefined && waits < maxRateLimitWaits; waits += 1) {
    // Every candidate rests, one of them on a provider's short retry-after: waiting beats refusing (or cutting a reply short).
    const wait = restWait(run.attempts().slice(walkStart), candidates);
    if (wait === undefined || wait > maxRateLimitWaitMs || run.deadlinePassed()) return undefined;
    await run.wait(wait);
    if (run.callerAborted()) throw run.callerReason();
    walkStart = run.attempts().length;
    opened = await walk(run, candidates, candidates.length, options, phase);
  }
  return opened;
}

/** A retry-after this short is waited out inside the request when every candidate is resting. */
const maxRateLimitWaitMs = 2000;
const maxRateLimitWaits = 3;

/** When the last word of every candidate in this walk was "resting", the soonest provider-given retry-after. */
function restWait(attempts: readonly FallbackAttempt[], candidates: readonly FallbackCandidate[]): number | undefined {
  let soonest: number | undefined;
  for (const candidate of candidates) {
    const last = attempts.findLast((attempt) => attempt.modelId === candidate.entry.id);
    if (last === undefined || (last.outcome !== 'rate_limited' && last.outcome !== 'skipped_open' && last.outcome !== 'skipped_budget')) return undefined;
    // A budget's reset time is provider-given too (its rate-limit headers).
    const providerGiven = last.outcome === 'rate_limited' || last.outcome === 'skipped_budget' || last.openCause === 'rate_limited';
    if (providerGiven && last.retryAfterMs !== undefined) soonest = Math.min(soonest ?? Infinity, last.retryAfterMs);
  }
  return soonest;
}

async function walk(
  run: FallbackRun,
  candidates: readonly FallbackCandidate[],
  fromIndex: number,
  options: LanguageModelV4CallOptions,
  phase: 'answer' | 'continuation',
): Promise<OpenedStream | undefined> {
  // Two rounds: after every candidate was tried, those that failed only transiently get one more call.
  for (let index = fromIndex; index < candidates.length * 2; index += 1) {
    if (run.deadlinePassed()) return undefined;
    if (run.callerAborted()) throw run.callerReason();
    const candidate = candidates[index % candidates.length];
    if (candidate === undefined) continue;
    if (index >= candidates.length && !run.mayRetry(candidate)) continue;
    if (!run.admit(candidate, phase)) continue;
    const attempt = run.startAttempt(candidate, phase, true);
    let reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart> | undefined;
    const pending = candidate.model.doStream({ ...options, abortSignal: attempt.signal });
    try {
      const result = await untilAborted(pending, attempt.signal);
      const activeReader = result.stream.getReader();
      reader = activeReader;
      // A stalled read only settles when the reader is cancelled.
      attempt.signal.addEventListener('abort', () => void activeReader.cancel(attempt.signal.reason).catch(() => {}), {
        once: true,
      });
      const buffered = await readUntilOutput(activeReader, attempt, phase);
      return { attempt, reader: activeReader, buffered, request: result.request, response: result.response, nextIndex: index + 1 };
    } catch (error) {
      if (reader === undefined) {
        // A model that ignored the abort may still hand over a stream later: close it unread.
        Promise.resolve(pending).then((late) => late.stream.cancel().catch(() => {}), () => {});
      }
      const verdict = attempt.failed(error, false);
      if (verdict.aborted) throw run.callerReason();
      if (verdict.failure.action === 'stop' && phase === 'answer') throw stopError(verdict.failure, error, run.attempts());
      if (verdict.failure.action === 'stop') return undefined;
    }
  }
  return undefined;
}

async function readUntilOutput(
  reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart>,
  attempt: Attempt,
  phase: 'answer' | 'continuation',
): Promise<LanguageModelV4StreamPart[]> {
  const buffered: LanguageModelV4StreamPart[] = [];
  for (;;) {
    let result: ReadableStreamReadResult<LanguageModelV4StreamPart>;
    try {
      result = await reader.read();
    } catch (error) {
      throw attempt.signal.aborted ? attempt.signal.reason : UpstreamStreamError.from(error);
    }
    const { done, value: part } = result;
    if (attempt.signal.aborted) throw attempt.signal.reason;
    if (done) throw new StreamEndedError();
    if (part.type === 'error') throw UpstreamStreamError.from(part.error);
    if (part.type === 'finish') {
      if (part.finishReason.unified === 'error' || part.finishReason.unified === 'interrupted') throw new StreamEndedError();
      // An empty but complete answer (or a continuation with nothing left to add) is still an answer.
      attempt.markResponsive();
      buffered.push(part);
      return buffered;
    }
    if (silentParts.has(part.type)) {
      if (phase === 'answer') buffered.push(part);
      continue;
    }
    attempt.markResponsive();
    if (phase === 'answer' || part.type === 'text-delta') {
      buffered.push(part);
      return buffered;
    }
  }
}
