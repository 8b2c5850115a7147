/** The request headers the same-origin rule reads. */
export interface OriginHeaders {
  secFetchSite: string | null;
  origin: string | null;
  host: string | null;
}

/**
 * Whether a browser request comes from another site: `Sec-Fetch-Site` decides when the browser sent
 * it, else `Origin` against `Host`. A request with neither (curl, a server) is not a browser's, so it passes.
 */
export function isCrossSite({ secFetchSite, origin, host }: OriginHeaders): boolean {
  // "none" is the user typing the address or opening a bookmark: no other site is involved.
  if (secFetchSite !== null) return !['same-origin', 'none'].includes(secFetchSite.toLowerCase());
  if (origin === null) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    // "null" (a sandboxed frame, a file: page) or garbage: no origin we can trust.
    return true;
  }
}

/** Paths the same-origin rule guards: the browser app's API, not the keyed gateway under /v1 or /openai/v1. */
export function isBrowserApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** The headers the same-origin rule reads, taken from a request. */
export function originHeaders(headers: Headers): OriginHeaders {
  return { secFetchSite: headers.get('sec-fetch-site'), origin: headers.get('origin'), host: headers.get('host') };
}
