import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The bench's own Next app: the floor, naive and fast-path routes that /api/chat is compared with.
// Built by `npm run bench` with the project's next; its root is the worktree so lib/ imports resolve.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
};

export default nextConfig;
