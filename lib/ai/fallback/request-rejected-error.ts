import { FlintError } from '@/lib/errors';
import type { FallbackAttempt } from './fallback-trace';

/** The provider rejected the request itself (HTTP 400 and the like): no other model is tried. */
export class RequestRejectedError extends FlintError {
  readonly statusCode: number | undefined;
  /** The provider's error code, e.g. `json_validate_failed`, `tool_use_failed`. */
  readonly providerCode: string | undefined;
  readonly attempts: FallbackAttempt[];
  private readonly requestRejectedMarker = 'flint.request-rejected';

  constructor(options: { cause: unknown; statusCode?: number; providerCode?: string; attempts: FallbackAttempt[] }) {
    super('invalid_request:chat', { cause: options.cause, retryable: false });
    this.name = 'RequestRejectedError';
    this.statusCode = options.statusCode;
    this.providerCode = options.providerCode;
    this.attempts = options.attempts;
  }

  static override isInstance(error: unknown): error is RequestRejectedError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { requestRejectedMarker?: unknown }).requestRejectedMarker === 'flint.request-rejected'
    );
  }
}
