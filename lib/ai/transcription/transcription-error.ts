import { FlintError, type ErrorCode } from '@/lib/errors';
import type { TranscriptionAttempt } from './transcribe-with-fallback';

/** The codes a failed transcription ends with. */
export type TranscriptionErrorCode = Extract<ErrorCode, 'unavailable:transcribe' | 'rate_limit:transcribe' | 'not_configured:transcribe' | 'invalid_audio:transcribe'>;

/** A transcription that no model produced: why, every attempt, and when one may be free again. */
export class TranscriptionError extends FlintError {
  readonly attempts: TranscriptionAttempt[];
  /** When every model was rate limited by its provider, how long until the soonest may answer. */
  readonly retryAfterMs: number | undefined;
  private readonly transcriptionErrorMarker = 'flint.transcription-error';

  constructor(code: TranscriptionErrorCode, attempts: TranscriptionAttempt[], options: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(code, { cause: options.cause, retryable: code === 'unavailable:transcribe' || code === 'rate_limit:transcribe' });
    this.name = 'TranscriptionError';
    this.attempts = attempts;
    this.retryAfterMs = options.retryAfterMs;
  }

  static override isInstance(error: unknown): error is TranscriptionError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { transcriptionErrorMarker?: unknown }).transcriptionErrorMarker === 'flint.transcription-error'
    );
  }
}
