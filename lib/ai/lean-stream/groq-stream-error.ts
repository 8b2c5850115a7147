import { createProviderStreamError } from '@ai-sdk/provider-utils';

const metadata: Record<string, { statusCode: number; isRetryable: boolean }> = {
  rate_limit_error: { statusCode: 429, isRetryable: true },
  api_error: { statusCode: 500, isRetryable: true },
  internal_server_error: { statusCode: 500, isRetryable: true },
  server_error: { statusCode: 500, isRetryable: true },
  overloaded_error: { statusCode: 503, isRetryable: true },
  service_unavailable: { statusCode: 503, isRetryable: true },
  timeout: { statusCode: 504, isRetryable: true },
  timeout_error: { statusCode: 504, isRetryable: true },
  authentication_error: { statusCode: 401, isRetryable: false },
  invalid_api_key: { statusCode: 401, isRetryable: false },
  permission_error: { statusCode: 403, isRetryable: false },
  not_found_error: { statusCode: 404, isRetryable: false },
  model_not_found: { statusCode: 404, isRetryable: false },
  bad_request: { statusCode: 400, isRetryable: false },
  context_length_exceeded: { statusCode: 400, isRetryable: false },
  invalid_request_error: { statusCode: 400, isRetryable: false },
};

/** The error @ai-sdk/groq puts in an `error` part for a mid-stream `{"error": {...}}` frame (same status table). */
export function groqStreamError(data: { error: { message: string; type: string } }): unknown {
  const known = Object.hasOwn(metadata, data.error.type) ? metadata[data.error.type] : undefined;
  return createProviderStreamError({ message: data.error.message, type: data.error.type, ...known, data });
}
