// /v1 with groq-sdk and the AI SDK, budgets under concurrency, bring-your-own key and the ledger.
import { createHash } from 'node:crypto';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';
import { desc, eq } from 'drizzle-orm';
import Groq from 'groq-sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatewayKeys, usageLedger } from '@/lib/db/schema';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
let key: string;

beforeAll(async () => {
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  key = await gateway.createKey({ name: 'clients' });
}, 60_000);
afterAll(() => gateway?.close());
beforeEach(() => {
  gateway.emulator.faults.clear();
  gateway.emulator.requests.clear();
  gateway.resetHealth();
});

const db = async () => (await (await import('@/lib/db/shared-database')).sharedDatabase()).db;
const ledgerOf = async (prefix: string) => (await db()).select().from(usageLedger).where(eq(usageLedger.keyPrefix, prefix)).orderBy(desc(usageLedger.id));
const prefixOf = (secret: string) => secret.slice(0, 12);

describe('groq-sdk with baseURL at Flint, as a drop-in Groq endpoint', () => {
  it('chats plain and streamed through /openai/v1', async () => {
    const groq = new Groq({ apiKey: key, baseURL: gateway.app.url, maxRetries: 0 });
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0]?.message.content).toContain('openai/gpt-oss-20b');
    const stream = await groq.chat.completions.create({ model: 'flint/speed', messages: [{ role: 'user', content: 'Hi [emulate tokens=9]' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    const models = await groq.models.list();
    expect(models.data.map((model) => model.id)).toContain('flint/auto');
  });

  it('raises its typed errors', async () => {
    const stranger = new Groq({ apiKey: 'flk_unknown', baseURL: gateway.app.url, maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: 'flint/auto', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toBeInstanceOf(Groq.AuthenticationError);
    const groq = new Groq({ apiKey: key, baseURL: gateway.app.url, maxRetries: 0 });
    await expect(groq.chat.completions.create({ model: 'no/such-model', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toBeInstanceOf(Groq.NotFoundError);
  });
});

describe('the AI SDK OpenAI provider pointed at /v1', () => {
  it('generates and streams with usage', async () => {
    const flint = createOpenAI({ apiKey: key, baseURL: `${gateway.app.url}/v1` });
    const generated = await generateText({ model: flint.chat('flint/speed'), prompt: 'Hello', maxRetries: 0 });
    expect(generated.text).toContain('openai/gpt-oss-20b');
    expect(generated.usage.outputTokens).toBeGreaterThan(0);
    const streamed = streamText({ model: flint.chat('flint/quality'), prompt: 'Hello', maxRetries: 0 });
    expect(await streamed.text).toContain('openai/gpt-oss-120b');
    expect((await streamed.usage).outputTokens).toBeGreaterThan(0);
  });
});

describe('budgets', () => {
  it('20 concurrent requests on a small budget overspend by at most one reservation', async () => {
    const { reservationUsd } = await import('@/lib/gateway/reservation');
    const { gatewayRoute } = await import('@/lib/gateway/gateway-models');
    const { runtime } = await import('@/lib/server/runtime');
    const budgetUsd = 0.0004;
    const secret = await gateway.createKey({ name: 'small', budgetUsd, period: 'day' });
    const client = new OpenAI({ apiKey: secret, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
    const body = { model: 'flint/speed', max_tokens: 200, messages: [{ role: 'user' as const, content: 'Spend [emulate tokens=150]' }] };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => client.chat.completions.create(body)));
    await (await import('@/lib/usage/pending-writes')).pendingWrites();

    const refused = results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason as unknown);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('insufficient_quota');
      expect(Number((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after'))).toBeGreaterThan(0);
    }
    const { catalog, providers } = runtime();
    const candidates = gatewayRoute('flint/speed', { hasImages: false, needsTools: false, needsJson: false, estimatedPromptTokens: 10 }, catalog, providers.configured, null).candidates;
    const oneReservation = reservationUsd(candidates, 10, 200);
    const [row] = await (await db()).select().from(gatewayKeys).where(eq(gatewayKeys.prefix, prefixOf(secret)));
    expect(row!.spendUsd).toBeLessThanOrEqual(budgetUsd + oneReservation);
    expect(row!.reservedUsd).toBeCloseTo(0, 12);
    // Every admitted request is in the ledger with its real cost, and their sum is what was charged.
    const rows = await ledgerOf(prefixOf(secret));
    expect(rows.filter((entry) => entry.status === 'ok')).toHaveLength(results.length - refused.length);
    expect(rows.filter((entry) => entry.status === 'error:429:insufficient_quota')).toHaveLength(refused.length);
    expect(rows.reduce((sum, entry) => sum + entry.costUsd, 0)).toBeCloseTo(row!.spendUsd, 12);
  });
});

describe('bring your own key', () => {
  it('reaches Groq with the caller key exactly as sent and never spends the server OpenAI credit', async () => {
    const secret = await gateway.createKey({ name: 'byo' });
    const authorization = 'Bearer gsk_callers_own_key_123';
    const response = await fetch(`${gateway.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'x-api-key': secret, authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'flint/speed', messages: [{ role: 'user', content: 'Mine' }] }),
    });
    expect(response.status).toBe(200);
    const upstream = gateway.emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));
    expect(upstream.map((entry) => entry.authorizationSha256)).toEqual([createHash('sha256').update(authorization).digest('hex')]);

    gateway.emulator.faults.add({ provider: 'groq', kind: 'status', status: 503 });
    const failed = await fetch(`${gateway.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'x-api-key': secret, authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'flint/speed', messages: [{ role: 'user', content: 'Mine again' }] }),
    });
    expect(failed.status).toBe(503);
    expect(gateway.emulator.requests.list().filter((entry) => entry.provider === 'openai')).toEqual([]);
    await (await import('@/lib/usage/pending-writes')).pendingWrites();
    const rows = await ledgerOf(prefixOf(secret));
    expect(rows.map((entry) => [entry.status, entry.byoKey])).toEqual([
      ['error:503', true],
      ['ok', true],
    ]);
  });
});

describe('the ledger', () => {
  it('records an aborted stream with the output sent so far, marked estimated', async () => {
    const { nextWrite } = await import('@/lib/usage/pending-writes');
    const secret = await gateway.createKey({ name: 'aborts' });
    gateway.emulator.faults.add({ kind: 'slow', provider: 'groq', ms: 30 });
    const client = new OpenAI({ apiKey: secret, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'Long [emulate tokens=400]' }], stream: true },
      { signal: controller.signal },
    );
    let content = 0;
    const written = nextWrite();
    // The client stops reading and drops the connection after five content chunks.
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) content += 1;
      if (content === 5) controller.abort();
    }
    await written;
    // The budget and the ledger are written separately: the first write done means both were started.
    await (await import('@/lib/usage/pending-writes')).pendingWrites();
    const [row] = await ledgerOf(prefixOf(secret));
    expect(row).toMatchObject({ status: 'aborted', estimated: true, model: 'openai/gpt-oss-20b', surface: 'v1' });
    expect(row!.outputTokens).toBeGreaterThan(0);
    expect(row!.outputTokens).toBeLessThan(400);
    expect(row!.costUsd).toBeGreaterThan(0);
  });

  it('records streamed requests with their real usage and time to first token', async () => {
    const secret = await gateway.createKey({ name: 'streams' });
    const client = new OpenAI({ apiKey: secret, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'flint/speed', messages: [{ role: 'user', content: 'Count [emulate tokens=30]' }], stream: true });
    for await (const chunk of stream) void chunk;
    await (await import('@/lib/usage/pending-writes')).pendingWrites();
    const [row] = await ledgerOf(prefixOf(secret));
    expect(row).toMatchObject({ status: 'ok', estimated: false, outputTokens: expect.any(Number) as number });
    expect(row!.outputTokens).toBeGreaterThanOrEqual(30);
    expect(row!.ttftMs).not.toBeNull();
  });
});
