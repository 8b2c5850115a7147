// The response cache on /v1: a repeated temperature-0 request is answered without calling a provider.
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
let client: OpenAI;
let prefix: string;
beforeAll(async () => {
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  const key = await gateway.createKey({ name: 'cache' });
  prefix = key.slice(0, 12);
  client = new OpenAI({ apiKey: key, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
}, 60_000);
afterAll(() => gateway?.close());
beforeEach(() => gateway.emulator.requests.clear());

type XFlint = { cache: 'hit' | 'miss'; cost_usd: number };

async function ledger() {
  await (await import('@/lib/usage/pending-writes')).pendingWrites();
  const [{ sharedDatabase }, { usageLedger }, { asc }] = await Promise.all([import('@/lib/db/shared-database'), import('@/lib/db/schema'), import('drizzle-orm')]);
  const rows = await (await sharedDatabase()).db.select().from(usageLedger).orderBy(asc(usageLedger.id));
  return rows.filter((row) => row.keyPrefix === prefix);
}

describe('the response cache on /v1', () => {
  it('answers a repeated temperature-0 completion from the cache: no provider call, cost 0, a ledger row marked as a hit', async () => {
    const ask = () =>
      client.chat.completions.create({ model: 'openai/gpt-oss-20b', temperature: 0, messages: [{ role: 'user', content: 'Capital of France? [emulate tokens=8]' }] }).withResponse();
    const first = await ask();
    expect((first.data as unknown as { x_flint: XFlint }).x_flint.cache).toBe('miss');
    expect(gateway.emulator.requests.list()).toHaveLength(1);
    const second = await ask();
    expect(gateway.emulator.requests.list()).toHaveLength(1);
    expect(second.data.choices[0]!.message.content).toBe(first.data.choices[0]!.message.content);
    expect((second.data as unknown as { x_flint: XFlint }).x_flint).toMatchObject({ cache: 'hit', cost_usd: 0 });
    expect(second.response.headers.get('x-flint-cache')).toBe('hit');
    const rows = await ledger();
    expect(rows.map((row) => [row.cacheHit, row.costUsd === 0])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('replays a repeated temperature-0 stream from the cache, saying so in the last chunk', async () => {
    const stream = async () => {
      const chunks = await client.chat.completions.create({
        model: 'openai/gpt-oss-20b', temperature: 0, stream: true, stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'Stream the capital of Spain [emulate tokens=12]' }],
      });
      let text = '';
      let last: unknown;
      for await (const chunk of chunks) {
        text += chunk.choices[0]?.delta.content ?? '';
        last = chunk;
      }
      return { text, xFlint: (last as { x_flint: XFlint }).x_flint };
    };
    const first = await stream();
    expect(first.xFlint.cache).toBe('miss');
    const second = await stream();
    expect(gateway.emulator.requests.list()).toHaveLength(1);
    expect(second.text).toBe(first.text);
    expect(second.xFlint).toMatchObject({ cache: 'hit', cost_usd: 0 });
    expect((await ledger()).slice(-1)[0]).toMatchObject({ cacheHit: true, costUsd: 0, status: 'ok' });
  });

  it('never serves a request with a temperature above 0 from the cache', async () => {
    const ask = () => client.chat.completions.create({ model: 'openai/gpt-oss-20b', temperature: 0.7, messages: [{ role: 'user', content: 'Warm [emulate tokens=4]' }] });
    await ask();
    await ask();
    expect(gateway.emulator.requests.list()).toHaveLength(2);
  });
});
