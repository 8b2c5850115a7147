import { ApiError, type ApiErrorFields } from './api-error.ts';
import { formatGoDuration } from './go-duration.ts';
import type { FaultSpec, Provider } from './types.ts';

const organization = 'org_01emulatorflint0000000000';

function rateLimitMessage(provider: Provider, model: string, type: string, retryAfterMs: number): string {
  const wait = formatGoDuration(retryAfterMs);
  if (provider === 'openai') {
    const window = type === 'requests' ? 'requests per min (RPM): Limit 500, Used 500, Requested 1' : 'tokens per min (TPM): Limit 200000, Used 199000, Requested 1500';
    return `Rate limit reached for ${model} in organization org-emulatorflint on ${window}. Please try again in ${wait}. Visit https://platform.openai.com/account/rate-limits to learn more.`;
  }
  const window = type === 'requests' ? 'requests per day (RPD): Limit 1000, Used 1000, Requested 1' : 'tokens per minute (TPM): Limit 8000, Used 7100, Requested 1500';
  return `Rate limit reached for model \`${model}\` in organization \`${organization}\` service tier \`on_demand\` on ${window}. Please try again in ${wait}. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing`;
}

function defaults(provider: Provider, status: number, model: string, retryAfterMs: number, type?: string): Omit<ApiErrorFields, 'status'> {
  const groq = provider === 'groq';
  switch (status) {
    case 401: return { message: groq ? 'Invalid API Key' : 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', code: 'invalid_api_key' };
    case 403: return { message: groq ? 'Permission denied: this organization cannot use this model.' : 'You are not allowed to sample from this model', type: groq ? 'permission_error' : 'invalid_request_error', code: groq ? 'permission_denied' : null };
    case 404: return { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', code: 'model_not_found' };
    case 413: return { message: `Request too large for model \`${model}\` in organization \`${organization}\` service tier \`on_demand\` on tokens per minute (TPM): Limit 8000, Requested 9500, please reduce your message size and try again.`, type: 'tokens', code: 'rate_limit_exceeded' };
    case 422: return { message: 'The model failed to produce a valid response. Please try again.', type: 'invalid_request_error', code: 'unprocessable_entity' };
    case 429: {
      const limitType = type ?? 'tokens';
      return { message: rateLimitMessage(provider, model, limitType, retryAfterMs), type: limitType, code: 'rate_limit_exceeded' };
    }
    case 498: return { message: 'Capacity exceeded for the flex service tier. Please try again later or use the on_demand service tier.', type: 'capacity_exceeded', code: 'capacity_exceeded' };
    case 500: return { message: groq ? 'Internal Server Error' : 'The server had an error while processing your request. Sorry about that!', type: groq ? 'internal_server_error' : 'server_error', code: null };
    case 502: return { message: 'Bad Gateway', type: groq ? 'internal_server_error' : 'server_error', code: null };
    case 503: return { message: groq ? 'Service Unavailable: Groq is temporarily over capacity. Please try again later.' : 'The engine is currently overloaded, please try again later', type: groq ? 'internal_server_error' : 'server_error', code: groq ? 'service_unavailable' : null };
    default: return { message: `Emulated error ${status}`, type: status < 500 ? 'invalid_request_error' : 'internal_server_error', code: null };
  }
}

/** The milliseconds a status fault asks clients to wait, if any. */
export function faultRetryAfterMs(fault: FaultSpec): number | undefined {
  if (fault.retryAfterSeconds !== undefined) return fault.retryAfterSeconds * 1000;
  return fault.status === 429 ? 4200 : undefined;
}

/** Builds the error a `status` fault answers with, filling provider-faithful defaults for what the fault leaves out. */
export function faultError(provider: Provider, fault: FaultSpec, model: string): ApiError {
  const status = fault.status ?? 500;
  const retryAfterMs = faultRetryAfterMs(fault);
  const base = defaults(provider, status, model, retryAfterMs ?? 4200, fault.type);
  const fields: ApiErrorFields = {
    status,
    message: fault.message ?? base.message,
    type: fault.type ?? base.type,
    code: fault.code ?? base.code ?? null,
    param: null,
  };
  const headers: Record<string, string> = {};
  if (retryAfterMs !== undefined) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    if (provider === 'openai') headers['retry-after-ms'] = String(Math.round(retryAfterMs));
  }
  return new ApiError(fields, headers);
}
