import type { TranscriptionModelV4 } from '@ai-sdk/provider';
import { transcribe } from 'ai';
import { FlintError } from '@/lib/errors';
import { decideFailure } from '../fallback/failure-policy';
import type { AttemptOutcome } from '../fallback/fallback-trace';
import type { HealthRegistry } from '../health/health';
import type { ModelEntry } from '../catalog/model-entry';
import type { OpenCause } from '../health/breaker';
import { summarizeFailures } from '../fallback/summarize-failures';
import { TranscriptionError, type TranscriptionErrorCode } from './transcription-error';

/** A transcription model of the chain: its catalog entry and the SDK model that calls it. */
export interface TranscriptionCandidate {
  entry: ModelEntry;
  model: TranscriptionModelV4;
}

/** How one candidate fared; `detail` is the upstream message, for server logs only. */
export interface TranscriptionAttempt {
  modelId: string;
  provider: ModelEntry['provider'];
  outcome: AttemptOutcome;
  ms: number;
  status?: number;
  retryAfterMs?: number;
  openCause?: OpenCause;
  detail?: string;
}

/** The first transcript a candidate produced, and the attempts it took. */
export interface TranscriptionOutcome {
  text: string;
  language: string | undefined;
  durationSeconds: number | undefined;
  servedBy: ModelEntry;
  attempts: TranscriptionAttempt[];
}

/** One transcription request through the chain. */
export interface TranscribeWithFallbackOptions {
  candidates: readonly TranscriptionCandidate[];
  health: HealthRegistry;
  audio: Uint8Array;
  language?: string;
  prompt?: string;
  abortSignal?: AbortSignal;
  /** An upstream call slower than this counts as a timeout and the next model is tried. */
  attemptTimeoutMs?: number;
  now?: () => number;
  /** Observes every attempt as it is recorded (the route's log and metrics). */
  onAttempt?: (attempt: TranscriptionAttempt) => void;
}

/**
 * Walks the candidates in order, as the chat chain does: skips models whose breaker is open,
 * never sleeps on a retry-after (the next model is tried at once), stops on a 400 (the audio
 * itself is wrong), and records every outcome in the shared health registry.
 */
export async function transcribeWithFallback(options: TranscribeWithFallbackOptions): Promise<TranscriptionOutcome> {
  const { candidates, health, abortSignal } = options;
  const now = options.now ?? Date.now;
  const attempts: TranscriptionAttempt[] = [];
  const record = (attempt: TranscriptionAttempt) => {
    attempts.push(attempt);
    options.onAttempt?.(attempt);
  };
  if (candidates.length === 0) throw new TranscriptionError('not_configured:transcribe', attempts);

  for (const { entry, model } of candidates) {
    abortSignal?.throwIfAborted();
    const row = { modelId: entry.id, provider: entry.provider };
    const admission = health.admit(entry);
    if (!admission.admitted) {
      const outcome = admission.reason === 'misconfigured' ? 'skipped_misconfigured' : 'skipped_open';
      record({
        ...row,
        outcome,
        ms: 0,
        ...(admission.retryAfterMs === undefined ? {} : { retryAfterMs: admission.retryAfterMs }),
        ...(admission.cause === undefined ? {} : { openCause: admission.cause }),
      });
      continue;
    }
    const startedAt = now();
    const signals = [AbortSignal.timeout(options.attemptTimeoutMs ?? 60_000), ...(abortSignal ? [abortSignal] : [])];
    try {
      const result = await transcribe({
        model,
        audio: options.audio,
        providerOptions: {
          // verbose_json is what carries language and duration back from Groq.
          groq: { responseFormat: 'verbose_json', ...hints(options) },
          openai: hints(options),
        },
        maxRetries: 0, // the chain is the only retry policy
        abortSignal: AbortSignal.any(signals),
      });
      health.recordSuccess(entry);
      record({ ...row, outcome: 'ok', ms: now() - startedAt });
      return { text: result.text.trim(), language: result.language, durationSeconds: result.durationInSeconds, servedBy: entry, attempts };
    } catch (error) {
      const ms = now() - startedAt;
      if (abortSignal?.aborted) {
        health.release(entry);
        record({ ...row, outcome: 'aborted', ms });
        throw abortSignal.reason;
      }
      const failure = decideFailure(error, 'transcribe');
      record({
        ...row,
        outcome: failure.outcome,
        ms,
        ...(failure.status === undefined ? {} : { status: failure.status }),
        ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      if (failure.healthEffect === 'none') health.release(entry);
      else health.recordFailure(entry, { kind: failure.healthEffect, ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }) });
      if (failure.action === 'stop') {
        // Our own process failed or refused: not the audio's fault, and no other model is tried.
        if (failure.origin !== 'upstream') throw new FlintError(failure.userCode ?? 'internal:api', { cause: error });
        throw new TranscriptionError('invalid_audio:transcribe', attempts, { cause: error });
      }
    }
  }
  throw allFailed(attempts);
}

function hints(options: TranscribeWithFallbackOptions) {
  return {
    ...(options.language === undefined ? {} : { language: options.language }),
    ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
  };
}

function allFailed(attempts: TranscriptionAttempt[]): TranscriptionError {
  const summary = summarizeFailures(attempts, 'transcribe');
  return new TranscriptionError(summary.code as TranscriptionErrorCode, attempts, summary.retryAfterMs === undefined ? {} : { retryAfterMs: summary.retryAfterMs });
}
