import { z } from 'zod';
import { sharedDatabase } from '@/lib/db/shared-database';
import { env } from '@/lib/env';
import { FlintError } from '@/lib/errors';
import { findKey } from '@/lib/gateway/key-store';
import { keyPrefix } from '@/lib/gateway/key-secret';
import { errorResponse, readJson } from '@/lib/http';
import { observedRoute } from '@/lib/server/observed-route';
import { clearedSessionCookie, sessionCookie, sessionTokenFrom } from '@/lib/session/session-cookie';
import { pageSessionState } from '@/lib/session/page-session-state';
import type { SessionState } from '@/lib/session/session-state';
import { createSession, endSession } from '@/lib/session/session-store';

const signInSchema = z.object({ key: z.string().trim().min(1).max(200) });

/** GET /api/session: whether the page needs a key and, if signed in, the key's name and prefix (never the key). */
export async function GET(request: Request) {
  try {
    return Response.json(await pageSessionState(request.headers), { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST /api/session `{ key }`: checks the gateway key and starts a session (an httpOnly, SameSite=Strict cookie). */
export function POST(request: Request) {
  // The client rate guard runs first (observedRoute): guessing keys is throttled like any other browser-API call.
  return observedRoute(request, '/api/session', async () => {
    try {
      if (!env.requireKey) throw new FlintError('not_enabled:session', { retryable: false });
      const { key: secret } = await readJson(request, signInSchema, 1024);
      const { db } = await sharedDatabase();
      const key = secret.startsWith(keyPrefix) ? await findKey(db, secret) : undefined;
      if (key === undefined) throw new FlintError('invalid_key:session', { retryable: false });
      const { token } = await createSession(db, key.id);
      const state: SessionState = { required: true, signedIn: true, key: { name: key.name, prefix: key.prefix } };
      return Response.json(state, { status: 201, headers: { ...noStore, 'set-cookie': sessionCookie(token, transport(request)) } });
    } catch (error) {
      return errorResponse(error);
    }
  });
}

/** DELETE /api/session: signs out (ends the session in the database and clears the cookie). */
export async function DELETE(request: Request) {
  try {
    if (!env.requireKey) throw new FlintError('not_enabled:session', { retryable: false });
    const token = sessionTokenFrom(request.headers);
    if (token !== undefined) await endSession((await sharedDatabase()).db, token);
    const state: SessionState = { required: true, signedIn: false };
    return Response.json(state, { headers: { ...noStore, 'set-cookie': clearedSessionCookie(transport(request)) } });
  } catch (error) {
    return errorResponse(error);
  }
}

const noStore = { 'cache-control': 'no-store' };

/** Secure cookies over https: the request's own scheme, or the proxy's word for it when the proxy is trusted. */
function transport(request: Request) {
  const forwarded = env.rateGuard.trustProxy ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  return { secure: (forwarded ?? new URL(request.url).protocol.replace(':', '')) === 'https' };
}
