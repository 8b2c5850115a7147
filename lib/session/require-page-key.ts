import { env } from '../env.ts';
import { FlintError } from '../errors.ts';
import type { GatewayKeyRow } from '../gateway/gateway-key.ts';
import { sessionKeyOf } from './session-key-of.ts';

/**
 * The key a browser-API request (chat, voice, extraction) is charged to. With FLINT_REQUIRE_KEY off
 * the page is open and this is undefined; with it on, no live session is 401 `unauthorized:session`.
 */
export async function requirePageKey(request: Request, requireKey = env.requireKey): Promise<GatewayKeyRow | undefined> {
  if (!requireKey) return undefined;
  const key = await sessionKeyOf(request.headers);
  if (key === undefined) throw new FlintError('unauthorized:session', { retryable: false });
  return key;
}
