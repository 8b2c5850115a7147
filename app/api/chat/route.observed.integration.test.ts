// The request path around POST /api/chat, /api/extract: request ids, one summary line and metrics
// per request, redaction, the response cache, the client rate guard and the pre-emptive reroute on
// the providers' rate-limit headers. All through the route handlers and the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import type { Runtime } from '@/lib/server/runtime';
import { parseExposition } from '@/test/parse-exposition';
import { startWiredEmulator } from '@/test/start-wired-emulator';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let POST: typeof import('./route').POST;
let extractPOST: typeof import('../extract/route').POST;
let metricsGET: typeof import('../metrics/route').GET;
let healthGET: typeof import('../health/route').GET;
let transcribePOST: typeof import('../transcribe/route').POST;
let runtime: Runtime;
const lines: Array<Record<string, unknown>> = [];
const raw: string[] = [];

beforeAll(async () => {
  emulator = await startWiredEmulator();
  const { parseEnv } = await import('@/lib/env');
  const { createLogger } = await import('@/lib/observability/logger');
  const { createRuntime } = await import('@/lib/server/runtime');
  const { processState } = await import('@/lib/process-state');
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void (raw.push(line), lines.push(JSON.parse(line))) } });
  // This file's process runtime: a low client limit and one stream per client, logging into `lines`.
  runtime = processState('runtime', () => createRuntime(parseEnv({ ...process.env, FLINT_RATE_LIMIT: '3', FLINT_MAX_STREAMS: '1' }), log));
  ({ POST } = await import('./route'));
  ({ POST: extractPOST } = await import('../extract/route'));
  ({ GET: metricsGET } = await import('../metrics/route'));
  ({ GET: healthGET } = await import('../health/route'));
  ({ POST: transcribePOST } = await import('../transcribe/route'));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
  lines.length = 0;
  raw.length = 0;
});

let nextClient = 1;
/** A client address of its own per test, so the per-client limits of one test never reach another. */
const newClient = () => `10.1.0.${nextClient++}`;

function chatRequest(text: string, options: { client: string; headers?: Record<string, string>; temperature?: number; signal?: AbortSignal; tier?: 'speed' | 'quality' }) {
  return new Request('http://flint.test/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': options.client, ...options.headers },
    body: JSON.stringify({
      id: 'chat', trigger: 'submit-message', tier: options.tier ?? 'speed', ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }],
    }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

type Read = { status: number; headers: Headers; text: string; metadata: Record<string, unknown>; code?: string };

async function read(response: Response): Promise<Read> {
  const body = await response.text();
  const result: Read = { status: response.status, headers: response.headers, text: '', metadata: {} };
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    result.code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    return result;
  }
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const chunk = JSON.parse(line.slice('data: '.length)) as { type: string; delta?: string; messageMetadata?: Record<string, unknown> };
    if (chunk.type === 'text-delta') result.text += chunk.delta ?? '';
    if (chunk.messageMetadata) Object.assign(result.metadata, chunk.messageMetadata);
  }
  return result;
}

const summaries = () => lines.filter((line) => line.msg === 'request');
const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));

describe('one line per request, metrics and the request id', () => {
  it('logs one summary line (and one warn line per fallback) with the provider message, and never the key or the prompt', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 503, times: 1 });
    const answer = await read(await POST(chatRequest('My secret plan is swordfish [emulate tokens=20]', {
      client: newClient(), headers: { 'x-request-id': 'req-from-client-0001', authorization: 'Bearer caller-secret-token' },
    })));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe('req-from-client-0001');

    expect(summaries()).toHaveLength(1);
    const summary = summaries()[0]!;
    expect(summary).toMatchObject({
      requestId: 'req-from-client-0001', route: '/api/chat', status: 200, tier: 'speed', servedBy: 'openai/gpt-oss-120b',
      attempts: [
        { provider: 'groq', model: 'openai/gpt-oss-20b', outcome: 'server_error', status: 503, ms: expect.any(Number) },
        { provider: 'groq', model: 'openai/gpt-oss-120b', outcome: 'ok', ms: expect.any(Number) },
      ],
      tokens: { input: expect.any(Number), output: expect.any(Number) },
      costUsd: expect.any(Number),
      durationMs: expect.any(Number),
    });
    expect(summary.fromCache).toBeUndefined();
    const warnings = lines.filter((line) => line.msg === 'model attempt failed');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ requestId: 'req-from-client-0001', model: 'openai/gpt-oss-20b', status: 503, providerMessage: expect.stringMatching(/\S/) });

    const everything = raw.join('');
    for (const secret of ['swordfish', 'gsk_integration', 'sk-integration', 'caller-secret-token', 'Bearer']) expect(everything).not.toContain(secret);
  });

  it('shows the request, the attempts, the fallback, tokens and the breaker gauge in /api/metrics after a chat', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 429, retryAfterSeconds: 30, times: 1 });
    expect((await read(await POST(chatRequest('Hello [emulate tokens=10]', { client: newClient() })))).status).toBe(200);
    const samples = parseExposition(await (await metricsGET(new Request('http://flint.test/api/metrics'))).text());
    const value = (name: string, labels: Record<string, string>) =>
      samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, label]) => sample.labels[key] === label))?.value;
    expect(value('flint_http_requests_total', { route: '/api/chat', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(value('flint_http_request_duration_seconds_count', { route: '/api/chat' })).toBeGreaterThanOrEqual(1);
    expect(value('flint_model_attempts_total', { model: 'openai/gpt-oss-20b', outcome: 'rate_limited' })).toBeGreaterThanOrEqual(1);
    expect(value('flint_fallbacks_total', { from: 'groq/openai/gpt-oss-20b', to: 'groq/openai/gpt-oss-120b', reason: 'rate_limited' })).toBeGreaterThanOrEqual(1);
    expect(value('flint_tokens_total', { model: 'openai/gpt-oss-120b', kind: 'output' })).toBeGreaterThan(0);
    expect(value('flint_time_to_first_token_seconds_count', { model: 'openai/gpt-oss-120b' })).toBeGreaterThanOrEqual(1);
    expect(value('flint_breaker_open', { provider: 'groq', model: 'openai/gpt-oss-20b' })).toBe(1);
    expect(value('flint_ratelimit_remaining', { model: 'openai/gpt-oss-120b', kind: 'tokens' })).toBeGreaterThan(0);
  });

  it('replaces a malformed x-request-id and puts one on refusals too', async () => {
    const response = await POST(new Request('http://flint.test/api/chat', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newClient(), 'x-request-id': 'bad id\n' }, body: '{',
    }));
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(summaries()).toEqual([expect.objectContaining({ status: 400, code: 'bad_request:api', requestId: response.headers.get('x-request-id') })]);
  });
});

describe('the response cache on the chat path', () => {
  it('answers a repeated deterministic question from the cache: no provider call, no breaker touched, "from cache"', async () => {
    const client = newClient();
    const first = await read(await POST(chatRequest('Cache me [emulate tokens=12]', { client, temperature: 0 })));
    expect(first.metadata.cache).toBeUndefined();
    expect(chatCalls()).toHaveLength(1);
    emulator.requests.clear();
    // Were the provider called now, it would fail and the breakers would move.
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 503 });
    const before = JSON.stringify(runtime.health.snapshot().models.map(({ key, state, recentCalls, consecutiveFailures }) => ({ key, state, recentCalls, consecutiveFailures })));
    const second = await read(await POST(chatRequest('Cache me [emulate tokens=12]', { client, temperature: 0 })));
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.metadata, JSON.stringify(second.metadata)).toMatchObject({ cache: true, model: first.metadata.model });
    expect(chatCalls()).toHaveLength(0);
    expect(JSON.stringify(runtime.health.snapshot().models.map(({ key, state, recentCalls, consecutiveFailures }) => ({ key, state, recentCalls, consecutiveFailures })))).toBe(before);
    expect(summaries().at(-1)).toMatchObject({ status: 200, fromCache: true, attempts: [] });
  });

  it('does not cache a call that is not deterministic', async () => {
    const client = newClient();
    await read(await POST(chatRequest('Do not cache me [emulate tokens=12]', { client })));
    await read(await POST(chatRequest('Do not cache me [emulate tokens=12]', { client })));
    expect(chatCalls()).toHaveLength(2);
  });

  it('answers a repeated extraction from the cache without calling a provider', async () => {
    const ask = () => extractPOST(new Request('http://flint.test/api/extract', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': newClient() },
      body: JSON.stringify({ text: 'Grace Hopper, grace@example.com', schema: 'contact' }),
    }));
    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-request-id')).toBeTruthy();
    emulator.requests.clear();
    const second = (await (await ask()).json()) as { fromCache?: boolean; object: unknown };
    expect(second.fromCache).toBe(true);
    expect(chatCalls()).toHaveLength(0);
    expect(summaries().at(-1)).toMatchObject({ route: '/api/extract', status: 200, fromCache: true });
  });
});

describe('the client rate guard', () => {
  it('refuses a client over FLINT_RATE_LIMIT with 429 rate_limit:client and Retry-After, without calling a provider', async () => {
    const client = newClient();
    for (let index = 0; index < 3; index += 1) expect((await read(await POST(chatRequest('Hi [emulate tokens=5]', { client })))).status).toBe(200);
    emulator.requests.clear();
    const refused = await read(await POST(chatRequest('Hi [emulate tokens=5]', { client })));
    expect(refused).toMatchObject({ status: 429, code: 'rate_limit:client' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-request-id')).toBeTruthy();
    expect(chatCalls()).toHaveLength(0);
    // Another client is not affected.
    expect((await read(await POST(chatRequest('Hi [emulate tokens=5]', { client: newClient() })))).status).toBe(200);
  });

  it('guards /api/transcribe too: over the limit, 429 before the upload is read and no provider call', async () => {
    const client = newClient();
    const upload = () => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(16)], 'clip.wav', { type: 'audio/wav' }));
      return transcribePOST(new Request('http://flint.test/api/transcribe', { method: 'POST', headers: { 'x-forwarded-for': client }, body: form }));
    };
    // Three uploads (they may be refused as unreadable audio: 4xx, still counted), then the guard says no.
    for (let index = 0; index < 3; index += 1) expect((await upload()).status).toBeLessThan(500);
    emulator.requests.clear();
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limit:client');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(emulator.requests.list()).toHaveLength(0);
    expect(summaries().filter((line) => line.route === '/api/transcribe')).toHaveLength(4);
  });

  it('holds a stream slot until the stream ends, then frees it', async () => {
    const client = newClient();
    const open = await POST(chatRequest('Hi [emulate tokens=5]', { client }));
    expect(open.status).toBe(200);
    const refused = await read(await POST(chatRequest('Hi [emulate tokens=5]', { client })));
    expect(refused).toMatchObject({ status: 429, code: 'rate_limit:client' });
    await open.text();
    await expect.poll(async () => (await read(await POST(chatRequest('Hi [emulate tokens=5]', { client })))).status).toBe(200);
  });

  it('frees the slot when the client aborts mid-stream', async () => {
    const client = newClient();
    const controller = new AbortController();
    const open = await POST(chatRequest('Hi [emulate tokens=400]', { client, signal: controller.signal }));
    const reader = open.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel();
    await expect.poll(async () => (await read(await POST(chatRequest('Hi [emulate tokens=5]', { client })))).status).toBe(200);
  });
});

describe('routing on the providers\' rate-limit headers', () => {
  // Last in the file: the drained budget stays known for its 30 s window.
  it('never calls a primary the emulator reports at 0 remaining tokens: the next request goes to the next candidate', async () => {
    const pin = await fetch(`${emulator.url}/_emulator/rate-limits`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'groq', model: 'openai/gpt-oss-120b', remainingTokens: 0, resetTokensMs: 30_000 }),
    });
    expect(pin.status).toBe(201);
    try {
      const client = newClient();
      // The quality tier's primary, gpt-oss-120b (the speed primary rests on an earlier test's 429).
      expect((await read(await POST(chatRequest('First [emulate tokens=5]', { client, tier: 'quality' })))).status).toBe(200);
      expect(chatCalls().map((entry) => entry.model)).toEqual(['openai/gpt-oss-120b']);
      await expect.poll(() => runtime.budgets.snapshot()['groq/openai/gpt-oss-120b']?.remainingTokens).toBe(0);
      emulator.requests.clear();
      const second = await read(await POST(chatRequest('Second [emulate tokens=5]', { client, tier: 'quality' })));
      expect(second.status).toBe(200);
      expect(chatCalls()).toHaveLength(1);
      expect(chatCalls().map((entry) => entry.model)).not.toContain('openai/gpt-oss-120b');
      const attempts = second.metadata.attempts as Array<{ outcome: string }>;
      expect(attempts[0]).toMatchObject({ outcome: 'skipped_budget', ms: 0 });
      expect(attempts.at(-1)).toMatchObject({ outcome: 'ok' });
      expect((summaries().at(-1)!.attempts as unknown[])[0]).toMatchObject({ model: 'openai/gpt-oss-120b', outcome: 'skipped_budget' });
      // /api/health shows the budget the headers reported.
      const report = (await healthGET().json()) as { models: Array<{ model: string; rateLimit?: { tokens?: { remaining: number; resetsAt: string } } }> };
      expect(report.models.find((model) => model.model === 'openai/gpt-oss-120b')?.rateLimit?.tokens).toMatchObject({ remaining: 0, resetsAt: expect.any(String) });
    } finally {
      await fetch(`${emulator.url}/_emulator/rate-limits`, { method: 'DELETE' });
    }
  });
});
