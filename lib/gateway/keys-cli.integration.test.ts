// `npm run keys` while the app runs: the CLI goes through the admin API (the embedded database is
// the app's alone), and what it does holds at once for /v1.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayTestApp } from './gateway-test-app';
import { runKeysCli, type KeysCliContext } from './keys-cli';
import { localAdminToken } from './local-admin-token';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
let context: KeysCliContext;
let printed: string[];

beforeAll(async () => {
  const { startGatewayTestApp } = await import('./gateway-test-app');
  gateway = await startGatewayTestApp();
  await gateway.createKey(); // opens the app's database, which writes the local admin token
  printed = [];
  context = {
    appUrl: gateway.app.url,
    token: await localAdminToken(process.env.FLINT_DATA_DIR!, { create: false }),
    sharedServer: false,
    openDatabase: () => Promise.reject(new Error('the CLI must not open the database the running app holds')),
    print: (line) => printed.push(line),
  };
}, 60_000);
afterAll(() => gateway?.close());

const ask = (apiKey: string) =>
  new OpenAI({ apiKey, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 }).chat.completions.create({ model: 'flint/speed', messages: [{ role: 'user', content: 'Hi' }] });

describe('keys CLI against the running app', () => {
  it('creates a key shown alone on the last line, lists it as JSON and revokes it with a 401 at once', async () => {
    expect(await runKeysCli(['create', '--name', 'cli', '--budget-usd', '2.5', '--period', 'day', '--rpm', '60'], context)).toBe(0);
    const secret = printed.at(-1)!;
    expect(secret).toMatch(/^flk_[A-Za-z0-9_-]{32}$/);
    await expect(ask(secret)).resolves.toBeDefined();

    printed = [];
    expect(await runKeysCli(['list', '--json'], context)).toBe(0);
    const keys = JSON.parse(printed.join('\n')) as Array<Record<string, unknown>>;
    const listed = keys.find((entry) => entry.name === 'cli');
    expect(listed).toMatchObject({ prefix: secret.slice(0, 12), budget_usd: 2.5, rpm: 60, period: 'day' });
    expect(listed!.spend_usd as number).toBeGreaterThan(0);
    expect(JSON.stringify(keys)).not.toContain(secret);

    expect(await runKeysCli(['revoke', secret.slice(0, 12)], context)).toBe(0);
    await expect(ask(secret)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect(await runKeysCli(['revoke', secret.slice(0, 12)], context)).toBe(1);
  });

  it('refuses the admin API without the token', async () => {
    const response = await fetch(`${gateway.app.url}/api/admin/keys`, { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } });
    expect(response.status).toBe(401);
    expect((await fetch(`${gateway.app.url}/api/admin/keys`)).status).toBe(401);
  });

  it('rejects a bad option with usage and exit code 2', async () => {
    printed = [];
    expect(await runKeysCli(['create', '--name', 'x', '--period', 'weekly'], context)).toBe(2);
    expect(printed.join('\n')).toContain('usage:');
  });
});
