import { FlintError } from '@/lib/errors';
import type { FallbackAttempt } from './fallback-trace';
import { summarizeFailures } from './summarize-failures';

/** Every candidate failed or was skipped; carries the attempts and whether retrying later can help. */
export class AllModelsFailedError extends FlintError {
  readonly attempts: FallbackAttempt[];
  /** When every candidate was rate limited by its provider, how long until the soonest may answer. */
  readonly retryAfterMs: number | undefined;
  private readonly allModelsFailedMarker = 'flint.all-models-failed';

  constructor(attempts: FallbackAttempt[]) {
    const { code, retryable, retryAfterMs } = summarizeFailures(attempts, 'chat');
    super(code, { retryable });
    this.name = 'AllModelsFailedError';
    this.attempts = attempts;
    this.retryAfterMs = retryAfterMs;
  }

  static override isInstance(error: unknown): error is AllModelsFailedError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { allModelsFailedMarker?: unknown }).allModelsFailedMarker === 'flint.all-models-failed'
    );
  }
}
