import type { NextConfig } from 'next';
// Parsing the environment here makes a bad configuration fail at start-up with a clear message.
import './lib/env';
import { securityHeaders } from './lib/security/security-headers';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The dev-tools badge sits over the chat list's footer in `npm run demo` (which runs next dev).
  devIndicators: false,
  // `npm test` type-checks the whole project with tsc first; checking again in every build only costs time.
  typescript: { ignoreBuildErrors: true },
  // Every response gets these; proxy.ts adds the page CSP with its per-request nonce.
  async headers() {
    const always = Object.entries(securityHeaders).map(([key, value]) => ({ key, value }));
    return [
      { source: '/:path*', headers: always },
      // The model routes and health are outside proxy.ts: a JSON or event-stream answer needs no sources at all.
      { source: '/api/:route(chat|extract|health|transcribe)', headers: [{ key: 'content-security-policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
