import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// In-process measurements (not tests, never in `npm test`): node_modules/.bin/node node_modules/vitest/vitest.mjs run -c bench/measure.config.ts
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('..', import.meta.url)) } },
  test: { include: ['bench/**/*.measure.ts'], environment: 'node', testTimeout: 300_000, pool: 'forks', execArgv: process.env.CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/v1prof'] : [], root: fileURLToPath(new URL('..', import.meta.url)) },
});
