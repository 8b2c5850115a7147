import { sessionLifetimeSeconds } from './session-store.ts';

/** The chat page's session cookie. */
export const sessionCookieName = 'flint_session';

// A token is 32 random bytes in base64url; anything else in the cookie is not ours.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** Where the cookie may be sent: Secure only over https (a plain-http localhost would drop it). */
export interface CookieTransport {
  secure: boolean;
}

/** The Set-Cookie value that keeps a session: httpOnly (no script reads it), SameSite=Strict, the whole site. */
export function sessionCookie(token: string, { secure }: CookieTransport): string {
  return [`${sessionCookieName}=${token}`, 'Path=/', `Max-Age=${sessionLifetimeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie({ secure }: CookieTransport): string {
  return [`${sessionCookieName}=`, 'Path=/', 'Max-Age=0', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The session token a request's Cookie header carries, if it carries a well-formed one. */
export function sessionTokenFrom(headers: { get(name: string): string | null }): string | undefined {
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== sessionCookieName) continue;
    const value = pair.slice(separator + 1).trim();
    if (tokenPattern.test(value)) return value;
  }
  return undefined;
}
