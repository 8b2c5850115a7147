import type { Db } from '@/lib/db/database';
import type { GatewayKeyRow } from './gateway-key';
import { findKey } from './key-store';
import { keyPrefix } from './key-secret';
import { GatewayError } from './openai-error';

/** Who is calling: their gateway key, and their own Groq key when they brought one. */
export interface GatewayCaller {
  key: GatewayKeyRow;
  /** The caller's provider key, passed to Groq exactly as sent; never logged or stored. */
  providerKey?: string;
}

/**
 * Reads `Authorization: Bearer flk_...` or `X-API-Key: flk_...`; with the gateway key in X-API-Key,
 * a `Bearer gsk_...` is the caller's own Groq key. Unknown or revoked keys: 401 (see findKey for when it reads the database).
 */
export async function authenticate(headers: Headers, db: Db, options: { cache?: boolean } = {}): Promise<GatewayCaller> {
  const apiKey = headers.get('x-api-key')?.trim() ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim() ?? '';
  const gatewayKey = apiKey !== '' ? apiKey : bearer;
  if (gatewayKey === '') {
    throw new GatewayError(401, 'invalid_api_key', 'You did not provide an API key. Send your Flint key as `Authorization: Bearer flk_...` or `X-API-Key: flk_...`.', {
      type: 'invalid_request_error',
    });
  }
  const key = gatewayKey.startsWith(keyPrefix) ? await findKey(db, gatewayKey, options) : undefined;
  if (key === undefined) {
    throw new GatewayError(401, 'invalid_api_key', 'Invalid API key: unknown or revoked.', { type: 'invalid_request_error' });
  }
  const providerKey = apiKey !== '' && bearer !== '' && bearer !== apiKey ? bearer : undefined;
  return { key, ...(providerKey === undefined ? {} : { providerKey }) };
}
