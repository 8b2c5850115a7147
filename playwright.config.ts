import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { systemChromium as findSystemChromium } from './scripts/find-chromium.ts';

export const appPort = 3100;
export const emulatorPort = 4100;
/** A second server with no provider configured and no demo mode, for the set-up explanations. */
export const unconfiguredPort = 3101;
/** A third server with FLINT_REQUIRE_KEY=1: the chat page asks for a gateway key (e2e/require-key.spec.ts). */
export const requireKeyPort = 3102;
export const requireKeyEmulatorPort = 4102;
/** That server's admin token, so a spec can create keys through /api/admin/keys. */
export const requireKeyAdminToken = 'e2e-require-key-admin-token';
// Each server has its own embedded database (PGlite allows one process per directory) under one root,
// fresh for each run, so no server opens another's files or a developer's `.data`. Set once in the
// runner's environment so the workers, which load this file again, see the same directories; the
// global teardown removes the root.
process.env.FLINT_E2E_DATA_ROOT ??= mkdtempSync(path.join(tmpdir(), 'flint-e2e-'));
const dataDir = (server: string) => path.join(process.env.FLINT_E2E_DATA_ROOT!, server);
/** The MCP test server (e2e/support/mcp-server.ts) whose tools the app offers. */
export const mcpPort = 4200;

// Where Playwright cannot download its own browser, Debian's chromium stands in when present.
const systemChromium = findSystemChromium();

const launchOptions = {
  executablePath: systemChromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: './e2e',
  globalTeardown: './e2e/support/remove-data-dirs.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      // Phone width: only the tests tagged @mobile run here, to keep the suite within its time budget.
      name: 'chromium-375',
      grep: /@mobile/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 375, height: 740 }, hasTouch: true, launchOptions },
    },
  ],
  webServer: [
    {
      command: `node e2e/support/mcp-server.ts --port ${mcpPort}`,
      url: `http://127.0.0.1:${mcpPort}/_calls`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/app-with-emulator.ts --mode start --port ${appPort} --emulator-port ${emulatorPort} --speed 1`,
      url: `http://127.0.0.1:${appPort}/api/health`,
      // Tools as a deployment would have them: Groq's web search and one MCP server. One browser sends
      // every test's requests from one address: the client rate guard is off here.
      // Tests run one after another on this server: a breaker one test opens on purpose must not rest its
      // model into the next test, so failures rest a model for half a second here, not 30 s.
      env: {
        FLINT_GROQ_TOOLS: 'browser_search',
        FLINT_MCP_SERVERS: `http://127.0.0.1:${mcpPort}/mcp`,
        FLINT_RATE_LIMIT: '0',
        FLINT_BREAKER_COOLDOWN_S: '0.5',
        FLINT_DATA_DIR: dataDir('app'),
      },
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: `node node_modules/next/dist/bin/next start --port ${unconfiguredPort} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${unconfiguredPort}/api/health`,
      // Empty values count as unset, whatever the machine's environment holds.
      env: { GROQ_API_KEY: '', OPENAI_API_KEY: '', FLINT_DEMO: '', FLINT_RATE_LIMIT: '0', FLINT_DATA_DIR: dataDir('unconfigured') },
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/app-with-emulator.ts --mode start --port ${requireKeyPort} --emulator-port ${requireKeyEmulatorPort} --speed 1`,
      url: `http://127.0.0.1:${requireKeyPort}/api/health`,
      env: {
        FLINT_REQUIRE_KEY: '1',
        FLINT_DATA_DIR: dataDir('require-key'),
        FLINT_ADMIN_TOKEN: requireKeyAdminToken,
        FLINT_RATE_LIMIT: '0',
      },
      timeout: 120_000,
      reuseExistingServer: false,
    },
  ],
});
