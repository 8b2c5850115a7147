import { sharedDatabase } from '../db/shared-database.ts';
import type { GatewayKeyRow } from '../gateway/gateway-key.ts';
import { sessionTokenFrom } from './session-cookie.ts';
import { findSessionKey } from './session-store.ts';

/** The live gateway key behind a request's session cookie; undefined without one, or when it lapsed or its key was revoked. */
export async function sessionKeyOf(headers: { get(name: string): string | null }): Promise<GatewayKeyRow | undefined> {
  const token = sessionTokenFrom(headers);
  if (token === undefined) return undefined;
  return findSessionKey((await sharedDatabase()).db, token);
}
