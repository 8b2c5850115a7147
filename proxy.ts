import { NextResponse, type NextRequest } from 'next/server';
import { FlintError } from './lib/errors';
import { isBrowserApiPath, isCrossSite, originHeaders } from './lib/security/cross-site-verdict';
import { contentSecurityPolicy } from './lib/security/security-headers';

/**
 * The edge in front of every route: refuses cross-site requests to the browser API (so another site
 * cannot spend the owner's credit through a visitor's browser) and sets the Content-Security-Policy,
 * with a fresh nonce that Next puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const crossSite = isBrowserApiPath(request.nextUrl.pathname) && isCrossSite(originHeaders(request.headers));

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
  // The other security headers come from next.config, for every path.
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Next buffers a copy of every body that passes through here (and cuts it at 10 MB), and the pass
  // itself costs ~1 ms CPU per request. So the model routes (/api/chat, /api/extract, /api/transcribe:
  // observedRoute applies the same-origin rule to them), the polled /api/health, the keyed gateway
  // (/v1, /openai/v1: API keys, not cookies) and the immutable build assets stay outside.
  matcher: ['/((?!api/chat|api/extract|api/health|api/transcribe|v1/|openai/v1/|_next/static|_next/image).*)'],
};
