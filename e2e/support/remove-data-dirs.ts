import { rmSync } from 'node:fs';

/** Playwright's global teardown: the servers' fresh embedded databases go once the run ends. */
export default function removeDataDirs() {
  for (const name of ['FLINT_E2E_DATA_DIR', 'FLINT_E2E_UNCONFIGURED_DATA_DIR', 'FLINT_E2E_REQUIRE_KEY_DATA_DIR']) {
    const dir = process.env[name];
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
