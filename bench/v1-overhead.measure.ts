// What /v1 adds to the time to first token over calling the emulator directly: the gateway's route
// handlers over node:http with the emulator (unpaced) in this process, the client in another.
// node_modules/.bin/node node_modules/vitest/vitest.mjs run -c bench/measure.config.ts  (ROUNDS=200)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, it, vi } from 'vitest';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
let key: string;
beforeAll(async () => {
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  key = await gateway.createKey({ name: 'bench', budgetUsd: 1000 });
}, 60_000);
afterAll(() => gateway?.close());

it('measures /v1 streamed TTFT over the emulator direct', async () => {
  const client = new URL('./v1-ttft-client.ts', import.meta.url).pathname;
  const emulatorURL = gateway.emulator.groqBaseURL.replace(/\/openai\/v1$/, '');
  const args = [client, gateway.app.url, emulatorURL, key, process.env.ROUNDS ?? '200'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  process.stdout.write(stdout);
});
