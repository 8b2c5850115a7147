import type { NextConfig } from 'next';
// Parsing the environment here makes a bad configuration fail at start-up with a clear message.
import './lib/env';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
