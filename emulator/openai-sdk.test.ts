import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server.ts';
import { makeWav } from './wav-fixture.ts';

let emulator: RunningEmulator;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  openai = new OpenAI({ baseURL: emulator.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

describe('OpenAI flavour through the official openai client', () => {
  it('answers non-streamed with the model named, a dated snapshot id and usage', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hello there' }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-4.1-mini-2025-04-14');
    expect(completion.choices[0]?.message.content).toContain('**gpt-4.1-mini**');
    expect(completion.choices[0]?.message.content).toContain('Hello there');
    expect(completion.usage?.completion_tokens).toBeGreaterThan(10);
    expect(completion).not.toHaveProperty('x_groq');
  });

  it('is deterministic for the same input', async () => {
    const ask = () => openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Same question' }] });
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(first.choices[0]?.message.content).toBe(second.choices[0]?.message.content);
  });

  it('streams many deltas and sends usage only with include_usage, in a choices:[] chunk', async () => {
    const chunks = [];
    const stream = await openai.chat.completions.create({ model: 'gpt-4.1-mini', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Stream please' }] });
    for await (const chunk of stream) chunks.push(chunk);
    const contentDeltas = chunks.filter((chunk) => chunk.choices[0]?.delta.content);
    expect(contentDeltas.length).toBeGreaterThan(20);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage?.completion_tokens).toBe(contentDeltas.length);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');

    const withoutUsage = [];
    for await (const chunk of await openai.chat.completions.create({ model: 'gpt-4.1-mini', stream: true, messages: [{ role: 'user', content: 'x' }] })) withoutUsage.push(chunk);
    expect(withoutUsage.some((chunk) => chunk.usage)).toBe(false);
  });

  it('fragments streamed tool-call arguments', async () => {
    const stream = await openai.chat.completions.create({
      model: 'gpt-4.1-mini',
      stream: true,
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } }, required: ['city', 'days'] } } }],
    });
    const fragments: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) fragments.push(call.function?.arguments ?? '');
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(fragments.filter(Boolean).length).toBeGreaterThan(3);
    expect(JSON.parse(fragments.join(''))).toEqual({ city: 'emulated city', days: 1 });
    expect(finish).toBe('tool_calls');
  });

  it('rejects a bad key with AuthenticationError and code invalid_api_key', async () => {
    const bad = new OpenAI({ baseURL: emulator.openaiBaseURL, apiKey: 'gsk_wrong_provider', maxRetries: 0 });
    const error = await bad.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key');
  });

  it('answers 404 model_not_found for unknown ids', async () => {
    const error = await openai.chat.completions.create({ model: 'gpt-9', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });

  it('sends per-minute rate-limit headers and a request id', async () => {
    const { response } = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'x' }] }).withResponse();
    for (const name of ['limit-requests', 'limit-tokens', 'remaining-requests', 'remaining-tokens', 'reset-requests', 'reset-tokens']) {
      expect(response.headers.get(`x-ratelimit-${name}`)).toBeTruthy();
    }
    expect(response.headers.get('x-ratelimit-reset-tokens')).toMatch(/^(\d+ms|[\d.]+s|\d+m[\d.]+s)$/);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('exposes retry-after and retry-after-ms on a 429 RateLimitError', async () => {
    emulator.faults.add({ provider: 'openai', kind: 'status', status: 429, retryAfterSeconds: 3 });
    const error = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimited = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimited.headers?.get('retry-after')).toBe('3');
    expect(rateLimited.headers?.get('retry-after-ms')).toBe('3000');
    expect(rateLimited.code).toBe('rate_limit_exceeded');
    expect(rateLimited.message).toContain('Please try again in 3s');
  });

  it('can emulate insufficient_quota as a 429', async () => {
    emulator.faults.add({ provider: 'openai', kind: 'status', status: 429, type: 'insufficient_quota', code: 'insufficient_quota', message: 'You exceeded your current quota.' });
    const error = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('insufficient_quota');
  });

  it('surfaces an error frame mid-stream as an APIError thrown by the iterator', async () => {
    emulator.faults.add({ provider: 'openai', kind: 'error-frame', afterChunks: 4, message: 'upstream fell over' });
    const stream = await openai.chat.completions.create({ model: 'gpt-4.1-mini', stream: true, messages: [{ role: 'user', content: 'x' }] });
    let received = 0;
    const error = await (async () => {
      for await (const _chunk of stream) received += 1;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain('upstream fell over');
    expect(received).toBe(4);
  });

  it('transcribes with whisper-1 verbose_json and refuses verbose_json on gpt-4o-mini-transcribe', async () => {
    const file = await toFile(makeWav({ seconds: 2 }), 'clip.wav', { type: 'audio/wav' });
    const verbose = await openai.audio.transcriptions.create({ file, model: 'whisper-1', response_format: 'verbose_json' });
    expect(verbose.duration).toBeCloseTo(2, 2);
    expect(verbose.language).toBe('english');
    expect(verbose.segments?.length).toBeGreaterThan(0);

    const mini = await openai.audio.transcriptions.create({ file: await toFile(makeWav({ seconds: 1 }), 'a.wav'), model: 'gpt-4o-mini-transcribe' });
    expect(mini.text).toContain('gpt-4o-mini-transcribe');
    expect(mini.usage?.type).toBe('tokens');
    const error = await openai.audio.transcriptions.create({ file: await toFile(makeWav({ seconds: 1 }), 'a.wav'), model: 'gpt-4o-mini-transcribe', response_format: 'verbose_json' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('also works as an OpenAI-compatible client of the Groq endpoint', async () => {
    const groqViaOpenai = new OpenAI({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_test', maxRetries: 0 });
    const completion = await groqViaOpenai.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toContain('openai/gpt-oss-20b');
  });
});
