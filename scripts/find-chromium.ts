// Finds a Chromium for the end-to-end tests, getting one the way this machine allows, or says in one
// line what to install. Shared by scripts/test.ts and playwright.config.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's and Ubuntu's Chromium, which Playwright can drive where it cannot download its own. */
export const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The system Chromium if there is one (Playwright's own browser is used otherwise). */
export function systemChromium(): string | undefined {
  return systemChromiumPaths.find((path) => existsSync(path));
}

/** Whether Playwright's downloaded Chromium is installed. */
async function playwrightChromium(): Promise<boolean> {
  const { chromium } = await import('@playwright/test');
  return existsSync(chromium.executablePath());
}

const quiet = { stdio: 'ignore', timeout: 180_000 } as const;

/**
 * Makes sure a Chromium exists: the system one, Playwright's, `playwright install chromium` where
 * downloads work, or Debian's package when root. Returns undefined when ready, else the one line to print.
 */
export async function ensureChromium(playwrightBin: string): Promise<string | undefined> {
  if (systemChromium() || (await playwrightChromium())) return undefined;
  console.log('== no Chromium found: trying `playwright install chromium`');
  if (spawnSync(playwrightBin, ['install', 'chromium'], quiet).status === 0 && (await playwrightChromium())) return undefined;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('== trying Debian’s chromium package (apt-get install chromium)');
    spawnSync('apt-get', ['update', '-qq'], quiet);
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { ...quiet, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (systemChromium()) return undefined;
  }
  return 'npm test needs Chromium for its end-to-end tests: run `npx playwright install --with-deps chromium`, or on Debian/Ubuntu `sudo apt-get install chromium`, then npm test again.';
}
