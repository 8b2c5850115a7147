// Per-key rpm and tpm on /v1, seen through the official openai client: it raises RateLimitError.
import OpenAI, { RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
beforeAll(async () => {
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
}, 60_000);
afterAll(() => gateway?.close());

const clientFor = (key: string) => new OpenAI({ apiKey: key, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
const ask = (client: OpenAI, maxTokens = 20) =>
  client.chat.completions.create({ model: 'openai/gpt-oss-20b', max_tokens: maxTokens, messages: [{ role: 'user', content: 'Hi [emulate tokens=5]' }] });

async function refusal(promise: Promise<unknown>): Promise<RateLimitError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RateLimitError);
  return error as RateLimitError;
}

describe('per-key limits on /v1', () => {
  it('refuses the request past the key rpm with 429 rate_limit_exceeded and Retry-After, before any model is called', async () => {
    const client = clientFor(await gateway.createKey({ name: 'rpm', rpm: 2 }));
    await ask(client);
    await ask(client);
    gateway.emulator.requests.clear();
    const error = await refusal(ask(client));
    expect(error.status).toBe(429);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(gateway.emulator.requests.list()).toHaveLength(0);
  });

  it('charges tpm with prompt plus max output at admission and gives back what the answer did not use', async () => {
    const client = clientFor(await gateway.createKey({ name: 'tpm', tpm: 500 }));
    // Each asks for up to 300 tokens: two estimates do not fit in 500, but each answer uses far fewer.
    await ask(client, 300);
    await ask(client, 300);
    // A streamed one too: its usage corrects the charge when the stream ends.
    const stream = await client.chat.completions.create({ model: 'openai/gpt-oss-20b', max_tokens: 300, stream: true, messages: [{ role: 'user', content: 'Hi [emulate tokens=5]' }] });
    for await (const chunk of stream) void chunk;
    await (await import('@/lib/usage/pending-writes')).pendingWrites();
    await ask(client, 300);
    // An estimate of the whole minute's tokens does not fit next to what was used.
    const error = await refusal(ask(client, 4000));
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.message).toContain('500 tokens');
  });
});
