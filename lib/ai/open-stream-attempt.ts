import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import { stopError } from './stop-error';
import { UpstreamStreamError } from './upstream-stream-error';
import { untilAborted } from './until-aborted';
import type { Attempt, FallbackCandidate, FallbackRun } from './fallback-run';
import { StreamEndedError } from './stream-ended-error';

/** A stream attempt that produced its first output and now owns the answer. */
export interface OpenedStream {
  attempt: Attempt;
  reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart>;
  /** Parts read before and including the first output, to forward first. */
  buffered: LanguageModelV4StreamPart[];
  request: LanguageModelV4StreamResult['request'];
  response: LanguageModelV4StreamResult['response'];
  /** Index of the next candidate not yet tried in this call. */
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
 * Walks candidates from `fromIndex` until one produces output. An `answer` opens on its first
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
  for (let index = fromIndex; index < candidates.length; index += 1) {
    if (run.deadlinePassed()) return undefined;
    if (run.callerAborted()) throw run.callerReason();
    const candidate = candidates[index];
    if (candidate === undefined || !run.admit(candidate, phase)) continue;
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
