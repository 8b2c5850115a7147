import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { gatewayKeys } from '../db/schema.ts';
import type { GatewayKeyRow } from '../gateway/gateway-key.ts';
import { hashKey } from '../gateway/key-secret.ts';
import { chatSessions } from './schema.ts';

/** How long a sign-in lasts; revoking the key ends it sooner, at once. */
export const sessionLifetimeSeconds = 30 * 24 * 60 * 60;

/** Starts a session for a key and answers its token (256 random bits), which only the cookie holds. */
export async function createSession(db: Db, keyId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionLifetimeSeconds * 1000);
  // Lapsed sessions are swept as new ones start: no timer, and the table stays as small as its live sessions.
  await db.delete(chatSessions).where(lt(chatSessions.expiresAt, now));
  await db.insert(chatSessions).values({ tokenHash: hashKey(token), keyId, expiresAt });
  return { token, expiresAt };
}

/**
 * The live key a session token belongs to: read from the database on every call (with the key's
 * row, in one query), so a revoked key or a lapsed session is refused on the very next request.
 */
export async function findSessionKey(db: Db, token: string, now = new Date()): Promise<GatewayKeyRow | undefined> {
  const [row] = await db
    .select({ key: gatewayKeys })
    .from(chatSessions)
    .innerJoin(gatewayKeys, eq(chatSessions.keyId, gatewayKeys.id))
    .where(and(eq(chatSessions.tokenHash, hashKey(token)), gt(chatSessions.expiresAt, now), isNull(gatewayKeys.revokedAt)))
    .limit(1);
  return row?.key;
}

/** Ends a session (sign out); ending one that does not exist is no error. */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(chatSessions).where(eq(chatSessions.tokenHash, hashKey(token)));
}
