import { APICallError } from '@ai-sdk/provider';
import { AllModelsFailedError } from '@/lib/ai/fallback/all-models-failed-error';
import { RequestRejectedError } from '@/lib/ai/fallback/request-rejected-error';
import { FlintError } from '@/lib/errors';

/** OpenAI's error `type` values the clients know. */
export type OpenAIErrorType = 'invalid_request_error' | 'authentication_error' | 'permission_error' | 'not_found_error' | 'rate_limit_error' | 'insufficient_quota' | 'server_error';

/** An error answered in OpenAI's shape, so the official clients raise their own typed errors. */
export class GatewayError extends Error {
  readonly status: number;
  readonly type: OpenAIErrorType;
  readonly code: string;
  readonly param: string | null;
  readonly retryAfterSeconds: number | undefined;
  private readonly gatewayErrorMarker = 'flint.gateway-error';

  constructor(status: number, code: string, message: string, options: { type?: OpenAIErrorType; param?: string; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'GatewayError';
    this.status = status;
    this.code = code;
    this.type = options.type ?? defaultType(status);
    this.param = options.param ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static isInstance(error: unknown): error is GatewayError {
    return typeof error === 'object' && error !== null && (error as { gatewayErrorMarker?: unknown }).gatewayErrorMarker === 'flint.gateway-error';
  }

  /** `{ error: { message, type, code, param } }`, OpenAI's error body. */
  toBody() {
    return { error: { message: this.message, type: this.type, code: this.code, param: this.param } };
  }
}

function defaultType(status: number): OpenAIErrorType {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

/** Maps anything a gateway call failed with to a GatewayError; provider text and stacks are logged, never sent. */
export function gatewayErrorOf(error: unknown): GatewayError {
  if (GatewayError.isInstance(error)) return error;
  if (RequestRejectedError.isInstance(error)) {
    const status = error.statusCode === 413 ? 413 : 400;
    return new GatewayError(status, error.providerCode ?? 'invalid_request', 'The model rejected this request.', { type: 'invalid_request_error' });
  }
  if (AllModelsFailedError.isInstance(error) && error.code === 'rate_limit:chat') {
    const retryAfterSeconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000));
    return new GatewayError(429, 'rate_limit_exceeded', error.message, { retryAfterSeconds });
  }
  if (FlintError.isInstance(error)) {
    if (error.code === 'internal:api') console.error('[flint] gateway internal error', error.cause);
    return new GatewayError(error.status, error.code.split(':')[0] ?? 'error', error.message);
  }
  if (APICallError.isInstance(error)) {
    console.warn(`[flint] gateway provider error ${error.statusCode ?? '?'}: ${error.message}`);
    return new GatewayError(502, 'upstream_error', 'The provider failed to answer.');
  }
  console.error('[flint] gateway failed', error);
  return new GatewayError(500, 'internal_error', 'Something went wrong on our side.');
}

/** The HTTP response of a gateway error, with Retry-After when waiting helps. */
export function gatewayErrorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const gatewayError = gatewayErrorOf(error);
  const all: Record<string, string> = { ...headers };
  // The chain's own errors carry what was tried: operators and clients see it on failures too.
  if (AllModelsFailedError.isInstance(error) || RequestRejectedError.isInstance(error)) {
    all['x-flint-attempts'] = error.attempts.map((attempt) => `${attempt.modelId}=${attempt.outcome}`).join(', ');
  }
  if (gatewayError.retryAfterSeconds !== undefined) all['retry-after'] = String(gatewayError.retryAfterSeconds);
  return Response.json(gatewayError.toBody(), { status: gatewayError.status, headers: all });
}
