// The whole test suite, as README and CI run it: types, unit and integration tests, a production
// build, then end-to-end tests in Chromium against that build and the emulator.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './find-chromium.ts';
import { ensureTestServers } from './find-test-servers.ts';

const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const steps: Array<[string, string, string[]]> = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['unit + integration (vitest)', bin('vitest'), ['run']],
  ['production build', bin('next'), ['build']],
  ['end-to-end (playwright)', bin('playwright'), ['test']],
];

// First, so a machine without a browser learns it in seconds, not after the build.
const missing = (await ensureChromium(bin('playwright'))) ?? ensureTestServers();
if (missing) {
  console.error(missing);
  process.exit(1);
}

for (const [name, command, args] of steps) {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n== ${name} FAILED after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`== ${name} passed in ${seconds}s`);
}
