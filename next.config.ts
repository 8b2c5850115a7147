import type { NextConfig } from 'next';
// Parsing the environment here makes a bad configuration fail at start-up with a clear message.
import './lib/env';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The dev-tools badge sits over the chat list's footer in `npm run demo` (which runs next dev).
  devIndicators: false,
  // `npm test` type-checks the whole project with tsc first; checking again in every build only costs time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
