import { FlintError } from '@/lib/errors';
import type { FailureDecision } from './failure-policy';
import type { FallbackAttempt } from './fallback-trace';
import { RequestRejectedError } from './request-rejected-error';

/** The error that ends a request whose failure said `stop`: the provider's rejection, or our own refusal or bug. */
export function stopError(failure: FailureDecision, cause: unknown, attempts: FallbackAttempt[]): FlintError {
  if (failure.origin === 'upstream') {
    return new RequestRejectedError({
      cause,
      ...(failure.status === undefined ? {} : { statusCode: failure.status }),
      ...(failure.providerCode === undefined ? {} : { providerCode: failure.providerCode }),
      attempts,
    });
  }
  return new FlintError(failure.userCode ?? 'internal:api', {
    cause,
    ...(failure.origin === 'request' ? { message: 'The conversation contains something Flint cannot send to a model.' } : {}),
  });
}
