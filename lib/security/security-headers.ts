/** The Content-Security-Policy of one response: scripts by nonce, connections and images kept to this origin. */
export function contentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced bootstrap load its chunks; React's dev build needs eval for its error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes and the renderer's inline styles cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    // An answer's markdown image must not beacon a prompt-injection payload to another host.
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response carries besides the CSP. */
export const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  // The voice button needs the microphone, and only this origin may ask for it.
  'permissions-policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=()',
} as const;
