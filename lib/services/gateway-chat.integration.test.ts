// /v1 end to end with the official openai client: route handlers over HTTP -> gateway service ->
// fallback chain -> the emulator's Groq and OpenAI wire protocols.
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
let client: OpenAI;
let key: string;

beforeAll(async () => {
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  key = await gateway.createKey({ name: 'openai-client' });
  client = new OpenAI({ apiKey: key, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
}, 60_000);
afterAll(() => gateway?.close());
beforeEach(() => {
  gateway.emulator.faults.clear();
  gateway.emulator.requests.clear();
  gateway.resetHealth();
});

describe('POST /v1/chat/completions with the openai client', () => {
  it('answers a plain completion with usage, cost and what served it', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'flint/speed', messages: [{ role: 'user', content: 'Hello' }] })
      .withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.choices[0]?.message.content).toContain('openai/gpt-oss-20b');
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-flint-served-by')).toBe('openai/gpt-oss-20b');
    expect(response.headers.get('x-flint-attempts')).toBe('openai/gpt-oss-20b=ok');
    const xFlint = (data as unknown as { x_flint: { served_by: string; cost_usd: number; cache: string } }).x_flint;
    expect(xFlint).toMatchObject({ served_by: 'openai/gpt-oss-20b', cache: 'miss' });
    expect(xFlint.cost_usd).toBeGreaterThan(0);
  });

  it('streams deltas, reasoning and a final usage chunk carrying x_flint, then [DONE]', async () => {
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-oss-120b',
      messages: [{ role: 'user', content: 'Stream please [emulate tokens=20]' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let reasoning = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    let last: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      reasoning += (chunk.choices[0]?.delta as { reasoning?: string } | undefined)?.reasoning ?? '';
      if (chunk.usage) usage = chunk.usage;
      last = chunk;
    }
    expect(text).toContain('openai/gpt-oss-120b');
    expect(reasoning.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeGreaterThanOrEqual(20);
    expect((last as { x_flint?: { served_by: string } }).x_flint?.served_by).toBe('openai/gpt-oss-120b');
  });

  it('falls back before the first token and says so in the headers', async () => {
    gateway.emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 503 });
    const { data, response } = await client.chat.completions
      .create({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'Hi' }] })
      .withResponse();
    expect(response.headers.get('x-flint-served-by')).toBe('openai/gpt-oss-120b');
    expect(response.headers.get('x-flint-attempts')).toBe('openai/gpt-oss-20b=server_error, openai/gpt-oss-120b=ok');
    expect(data.choices[0]?.message.content).toContain('openai/gpt-oss-120b');
  });

  it('maps a decommissioned id to its replacement and says so in a header', async () => {
    const { response } = await client.chat.completions
      .create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: 'Hi' }] })
      .withResponse();
    expect(response.headers.get('x-flint-model-replaced')).toBe('llama-3.1-8b-instant -> openai/gpt-oss-20b');
    expect(response.headers.get('x-flint-served-by')).toBe('openai/gpt-oss-20b');
  });

  it('round-trips a tool call: assistant tool_calls and the tool message', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      { type: 'function', function: { name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Use get_weather for Paris' }];
    const first = await client.chat.completions.create({ model: 'flint/quality', messages, tools, tool_choice: 'required' });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    messages.push(first.choices[0]!.message, { role: 'tool', tool_call_id: call!.id, content: '{"temperature":21}' });
    const second = await client.chat.completions.create({ model: 'flint/quality', messages, tools });
    expect(second.choices[0]?.finish_reason).toBe('stop');
    expect(second.choices[0]?.message.content?.length).toBeGreaterThan(0);
  });

  it('streams a tool call as a tool_calls delta with finish_reason tool_calls', async () => {
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-oss-20b',
      stream: true,
      messages: [{ role: 'user', content: 'Use lookup' }],
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } } }],
      tool_choice: { type: 'function', function: { name: 'lookup' } },
    });
    const calls: Array<{ name?: string; arguments?: string }> = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) calls.push({ name: call.function?.name, arguments: call.function?.arguments });
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]?.name).toBe('lookup');
    expect(typeof (JSON.parse(calls[0]!.arguments!) as { q: unknown }).q).toBe('string');
    expect(finish).toBe('tool_calls');
  });

  it('returns JSON that fits a json_schema', async () => {
    const completion = await client.chat.completions.create({
      model: 'openai/gpt-oss-20b',
      messages: [{ role: 'user', content: 'A city as JSON' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'city', strict: true, schema: { type: 'object', properties: { name: { type: 'string' }, population: { type: 'integer' } }, required: ['name', 'population'], additionalProperties: false } },
      },
    });
    const value = JSON.parse(completion.choices[0]!.message.content!) as { name: unknown; population: unknown };
    expect(typeof value.name).toBe('string');
    expect(Number.isInteger(value.population)).toBe(true);
  });

  it('sends an image to a vision model', async () => {
    const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const { response } = await client.chat.completions
      .create({
        model: 'flint/auto',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${pixel}` } }] }],
      })
      .withResponse();
    expect(response.headers.get('x-flint-served-by')).toBe('qwen/qwen3.8-27b');
    const call = gateway.emulator.requests.list().find((entry) => entry.path.endsWith('/chat/completions'));
    expect(call?.images).toEqual([{ mediaType: 'image/png', urlLength: `data:image/png;base64,${pixel}`.length }]);
  });

  it('lists the catalog and the flint aliases', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(['flint/auto', 'flint/speed', 'flint/quality', 'openai/gpt-oss-20b', 'qwen/qwen3.8-27b']));
  });
});

describe('errors raise the openai client typed errors', () => {
  it('401 for an unknown key', async () => {
    const stranger = new OpenAI({ apiKey: 'flk_not-a-real-key', baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: 'flint/auto', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('404 for an unknown model', async () => {
    const error = await client.chat.completions.create({ model: 'nope/unknown', messages: [{ role: 'user', content: 'Hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });

  it('403 for a model the key may not use', async () => {
    const limited = new OpenAI({ apiKey: await gateway.createKey({ name: 'limited', models: ['openai/gpt-oss-20b'] }), baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
    await expect(limited.chat.completions.create({ model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  });

  it('accepts the key in X-API-Key too', async () => {
    const viaHeader = new OpenAI({ apiKey: 'unused', baseURL: `${gateway.app.url}/v1`, maxRetries: 0, defaultHeaders: { 'x-api-key': key, authorization: null } });
    // json_object needs the word JSON in the messages, as on Groq and OpenAI.
    const completion = await viaHeader.chat.completions.create({ model: 'flint/speed', messages: [{ role: 'user', content: 'Hi, answer in JSON' }], response_format: { type: 'json_object' } });
    expect(() => JSON.parse(completion.choices[0]!.message.content!) as unknown).not.toThrow();
  });

  it('413 for a body over the limit', async () => {
    const error = await client.chat.completions
      .create({ model: 'flint/auto', messages: [{ role: 'user', content: 'x'.repeat(9 * 1024 * 1024) }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
  });

  it('400 for a malformed request', async () => {
    const error = await client.chat.completions.create({ model: 'flint/auto', messages: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('a stream cut mid-answer is continued by the next model and says so in x_flint', async () => {
    gateway.emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'drop', afterChunks: 6, times: 1 });
    const stream = await client.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'Long one [emulate tokens=40]' }], stream: true });
    let last: unknown;
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      last = chunk;
    }
    expect(text.length).toBeGreaterThan(0);
    expect((last as { x_flint?: { served_by: string; continued_by?: string } }).x_flint).toMatchObject({ served_by: 'openai/gpt-oss-20b', continued_by: 'openai/gpt-oss-120b' });
  });

  it('a stream cut mid-answer that no model can continue raises an error, never a clean end', async () => {
    for (const provider of ['groq', 'openai'] as const) gateway.emulator.faults.add({ provider, kind: 'drop', afterChunks: 4 });
    const stream = await client.chat.completions.create({ model: 'flint/speed', messages: [{ role: 'user', content: 'Long one [emulate tokens=80]' }], stream: true });
    const read = (async () => {
      for await (const chunk of stream) void chunk;
    })();
    await expect(read).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  // Last: a rate-limited model rests for the provider's retry-after, which a health reset does not undo.
  it('429 with Retry-After when every model is rate limited', async () => {
    for (const provider of ['groq', 'openai'] as const) gateway.emulator.faults.add({ provider, kind: 'status', status: 429, retryAfterSeconds: 7 });
    const error = await client.chat.completions.create({ model: 'flint/speed', messages: [{ role: 'user', content: 'Hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
