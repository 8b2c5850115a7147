import { APICallError } from 'ai';
import { FlintError } from '@/lib/errors';

/** Maps whatever a chat stream failed with to a user-safe FlintError; provider text is logged only. */
export function chatErrorOf(error: unknown): FlintError {
  if (FlintError.isInstance(error)) return error;
  if (APICallError.isInstance(error)) {
    console.warn(`[flint] provider error ${error.statusCode ?? '?'} from ${error.url}: ${error.message}`);
    const status = error.statusCode ?? 0;
    if (status === 400 || status === 422) return new FlintError('invalid_request:chat', { cause: error, retryable: false });
    if (status === 429) return new FlintError('rate_limit:chat', { cause: error });
    return new FlintError('unavailable:chat', { cause: error });
  }
  console.error('[flint] chat failed', error);
  return new FlintError('unavailable:chat', { cause: error });
}
