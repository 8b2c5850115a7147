import { APICallError } from '@ai-sdk/provider';
import type { ErrorCode } from '@/lib/errors';
import { classifyFailure, hasNetworkCode, type FailureOutcome } from './classify-failure';
import { DeadlineError } from './deadline-error';
import type { FailureKind } from '../health/health';
import { StreamEndedError } from './stream-ended-error';
import { UpstreamStreamError } from './upstream-stream-error';

/** Where a failure came from: a provider, the request itself, or a bug in our process. */
export type FailureOrigin = 'upstream' | 'request' | 'internal';

/** What one failed call means: where to go next, what health learns, what the user is told if it ends the request. */
export interface FailureDecision {
  origin: FailureOrigin;
  outcome: FailureOutcome;
  /** `next`: try the next candidate; `stop`: the request ends with `userCode`. */
  action: 'next' | 'stop';
  /** How health counts it; `none` for anything that says nothing about the model. */
  healthEffect: FailureKind | 'none';
  retryAfterMs?: number;
  /** The error the user gets when this failure ends the request (`action: stop`). */
  userCode?: ErrorCode;
  status?: number;
  providerCode?: string;
}

/** Which chain is asking: the user-facing codes differ per surface. */
export type FailureSurface = 'chat' | 'transcribe';

// Errors the AI SDK raises while converting or validating a prompt: the request cannot be sent as it is.
const requestFaults = new Set([
  'AI_InvalidPromptError',
  'AI_MissingToolResultsError',
  'AI_UnsupportedFunctionalityError',
  'AI_InvalidArgumentError',
  'AI_TypeValidationError',
  'AI_InvalidMessageRoleError',
  'AI_MessageConversionError',
  'AI_InvalidDataContentError',
  'AI_InvalidToolInputError',
  'AI_NoSuchToolError',
  'AI_DownloadError',
  // A structure too deep for the converters: only the request can have made it so.
  'RangeError',
]);

/**
 * The one place that decides what a failure means, for chat and transcription alike. Only what a
 * provider did (an HTTP status, a network error reaching it, a stall, a broken stream or an error
 * frame) moves health; an error raised in our own process never does and never falls back.
 */
export function decideFailure(error: unknown, surface: FailureSurface): FailureDecision {
  if (DeadlineError.isInstance(error)) {
    // A model that never starts is unhealthy; one that ran out the whole budget is not judged.
    const healthEffect = error.deadline === 'first-token' ? 'transient' : 'none';
    return { origin: 'upstream', outcome: 'timeout', action: 'next', healthEffect };
  }
  if (StreamEndedError.isInstance(error) || UpstreamStreamError.isInstance(error)) {
    return { origin: 'upstream', outcome: 'connection', action: 'next', healthEffect: 'transient' };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    // Our own per-call timeout signal fired while the provider was working on it.
    return { origin: 'upstream', outcome: 'timeout', action: 'next', healthEffect: 'transient' };
  }
  if (APICallError.isInstance(error) || hasNetworkCode(error) || isFetchFailure(error)) {
    const classified = classifyFailure(error);
    if (classified.providerCode === 'tool_use_failed') {
      // A 400 about this generation, not the request: the next model gets one try; the model is not sick.
      return { origin: 'upstream', outcome: 'tool_call_failed', action: 'next', healthEffect: 'none', status: classified.status ?? 400, providerCode: 'tool_use_failed' };
    }
    const { healthKind, ...rest } = classified;
    return {
      ...rest,
      origin: 'upstream',
      healthEffect: healthKind ?? 'none',
      ...(classified.action === 'stop' ? { userCode: surface === 'chat' ? 'invalid_request:chat' : 'invalid_audio:transcribe' } : {}),
    };
  }
  if (error instanceof Error && requestFaults.has(error.name)) {
    return { origin: 'request', outcome: 'invalid_input', action: 'stop', healthEffect: 'none', userCode: 'bad_request:api' };
  }
  return { origin: 'internal', outcome: 'internal', action: 'stop', healthEffect: 'none', userCode: 'internal:api' };
}

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && /^(fetch failed|failed to fetch|terminated)$/i.test(error.message);
}
