import { ApiError } from './api-error.ts';
import type { AcceptKey, Provider } from './types.ts';

/** The default rule: Groq keys start with `gsk_`, OpenAI keys with `sk-`. */
export const acceptProviderKey: AcceptKey = (key, provider) => (provider === 'groq' ? key.startsWith('gsk_') : key.startsWith('sk-'));

function masked(key: string): string {
  return key.length <= 8 ? `${key.slice(0, 3)}***` : `${key.slice(0, 3)}***${key.slice(-4)}`;
}

/** Checks the bearer key, throwing the provider's 401 when it is missing or not accepted. */
export function checkAuthorization(provider: Provider, header: string | undefined, acceptKey: AcceptKey): void {
  const key = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  if (key !== '' && acceptKey(key, provider)) return;
  let message = 'Invalid API Key';
  if (provider === 'openai') {
    message = key === ''
      ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys."
      : `Incorrect API key provided: ${masked(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`;
  }
  throw new ApiError({ status: 401, message, type: 'invalid_request_error', code: 'invalid_api_key' });
}
