import { decideFailure } from '@/lib/ai/fallback/failure-policy';
import { FlintError } from '@/lib/errors';

/** Maps whatever a chat stream failed with to a user-safe FlintError; details are logged, never shown. */
export function chatErrorOf(error: unknown): FlintError {
  if (FlintError.isInstance(error)) return error;
  const decision = decideFailure(error, 'chat');
  if (decision.origin === 'internal') {
    // Our bug: logged with its stack, answered 500.
    console.error('[flint] chat failed inside Flint', error);
    return new FlintError('internal:api', { cause: error });
  }
  if (decision.origin === 'request') return new FlintError(decision.userCode ?? 'bad_request:api', { cause: error });
  // An upstream error that escaped the chain (it normally ends in AllModelsFailedError).
  if (decision.action === 'stop') return new FlintError('invalid_request:chat', { cause: error, retryable: false });
  if (decision.outcome === 'rate_limited') return new FlintError('rate_limit:chat', { cause: error });
  return new FlintError('unavailable:chat', { cause: error });
}
