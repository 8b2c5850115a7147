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
  // proxy.ts sets these (and the CSP) on pages and API routes; the build's static files get them here.
  async headers() {
    return [{ source: '/_next/static/:path*', headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
