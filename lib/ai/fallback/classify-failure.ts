import { APICallError } from '@ai-sdk/provider';
import type { FailureKind } from '../health/health';
import { retryAfterMs } from './retry-after-ms';

/** Why one upstream call failed, in the trace's vocabulary. */
export type FailureOutcome =
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'connection'
  | 'not_found'
  | 'auth'
  | 'bad_request'
  | 'too_large'
  | 'unprocessable'
  /** The model wrote a broken tool call (Groq's `tool_use_failed`): another model may call it right. */
  | 'tool_call_failed'
  | 'failed'
  /** Our process rejected the request before it reached a provider (the request's fault). */
  | 'invalid_input'
  /** Our process failed (a bug): nothing was learnt about the model. */
  | 'internal';

/** A failure read from an error: what to record, what it means for health, and where to go next. */
export interface ClassifiedFailure {
  outcome: FailureOutcome;
  /** `next`: try the next candidate; `stop`: the request itself is wrong, surface the error. */
  action: 'next' | 'stop';
  /** How health should count it; undefined when it says nothing about the model. */
  healthKind: FailureKind | undefined;
  status?: number;
  retryAfterMs?: number;
  /** The provider's error code, e.g. `model_decommissioned`, `json_validate_failed`. */
  providerCode?: string;
}

const gone = new Set(['model_decommissioned', 'model_not_found']);
const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ConnectionRefused',
  'ConnectionClosed',
]);

/** Decides how the fallback chain treats an error thrown or streamed by a provider call. */
export function classifyFailure(error: unknown): ClassifiedFailure {
  if (APICallError.isInstance(error)) return classifyApiCallError(error);
  if (hasNetworkCode(error) || error instanceof TypeError) return { outcome: 'connection', action: 'next', healthKind: 'transient' };
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { outcome: 'timeout', action: 'next', healthKind: 'transient' };
  }
  // Unknown errors are treated as this model's problem: another model may well succeed.
  return { outcome: 'failed', action: 'next', healthKind: 'transient' };
}

function classifyApiCallError(error: APICallError): ClassifiedFailure {
  const status = error.statusCode;
  // No status, or a 2xx whose body broke while the SDK read it ("Failed to process successful response"): a broken connection.
  if (status === undefined || status < 400) return { outcome: 'connection', action: 'next', healthKind: 'transient', ...(status === undefined ? {} : { status }) };
  const providerCode = providerErrorCode(error);
  const base = { status, ...(providerCode === undefined ? {} : { providerCode }) };
  if (providerCode !== undefined && gone.has(providerCode)) {
    return { ...base, outcome: 'not_found', action: 'next', healthKind: 'unavailable' };
  }
  if (status === 429 || status === 498) {
    // OpenAI's insufficient_quota will not clear in seconds: park the model for a long while.
    if (providerCode === 'insufficient_quota') return { ...base, outcome: 'rate_limited', action: 'next', healthKind: 'unavailable' };
    const wait = retryAfterMs(error.responseHeaders);
    return { ...base, outcome: 'rate_limited', action: 'next', healthKind: 'rate_limited', ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (status >= 500) return { ...base, outcome: 'server_error', action: 'next', healthKind: 'transient' };
  if (status === 401 || status === 403) return { ...base, outcome: 'auth', action: 'next', healthKind: 'auth' };
  if (status === 404) return { ...base, outcome: 'not_found', action: 'next', healthKind: 'unavailable' };
  if (status === 408) return { ...base, outcome: 'timeout', action: 'next', healthKind: 'transient' };
  if (status === 409) return { ...base, outcome: 'server_error', action: 'next', healthKind: 'transient' };
  // Too large for this model or over its per-minute token limit: a model with more room may take it.
  if (status === 413) return { ...base, outcome: 'too_large', action: 'next', healthKind: undefined };
  // Groq uses 422 for a model failing on this input; another model may cope.
  if (status === 422) return { ...base, outcome: 'unprocessable', action: 'next', healthKind: undefined };
  return { ...base, outcome: 'bad_request', action: 'stop', healthKind: undefined };
}

function providerErrorCode(error: APICallError): string | undefined {
  const fromData = readCode(error.data);
  if (fromData !== undefined) return fromData;
  if (error.responseBody === undefined) return undefined;
  try {
    return readCode(JSON.parse(error.responseBody));
  } catch {
    return undefined;
  }
}

function readCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const inner = 'error' in body ? body.error : body;
  if (typeof inner !== 'object' || inner === null || !('code' in inner)) return undefined;
  return typeof inner.code === 'string' ? inner.code : undefined;
}

/** Whether an error (or its causes) carries a socket-level code: it reached, or tried to reach, a provider. */
export function hasNetworkCode(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
