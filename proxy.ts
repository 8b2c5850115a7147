import { NextResponse, type NextRequest } from 'next/server';
import { FlintError } from './lib/errors';
import { isBrowserApiPath, isCrossSite } from './lib/security/cross-site-verdict';
import { contentSecurityPolicy, securityHeaders } from './lib/security/security-headers';

/**
 * The edge in front of every route: refuses cross-site requests to the browser API (so another site
 * cannot spend the owner's credit through a visitor's browser) and sets the security headers, with a
 * fresh CSP nonce that Next puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const crossSite =
    isBrowserApiPath(request.nextUrl.pathname) &&
    isCrossSite({ secFetchSite: request.headers.get('sec-fetch-site'), origin: request.headers.get('origin'), host: request.headers.get('host') });

  let response: NextResponse;
  if (crossSite) {
    const error = new FlintError('forbidden:api');
    response = NextResponse.json(error.toBody(), { status: error.status });
  } else {
    // Next reads the nonce from the request's CSP while rendering.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('content-security-policy', policy);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Hashed build assets are immutable files with no page to protect; next.config gives them nosniff.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
