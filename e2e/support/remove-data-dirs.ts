import { rmSync } from 'node:fs';

/** Playwright's global teardown: the servers' fresh embedded databases (playwright.config.ts) go once the run ends. */
export default function removeDataDirs() {
  const root = process.env.FLINT_E2E_DATA_ROOT;
  if (root) rmSync(root, { recursive: true, force: true });
}
