import Groq, { toFile } from 'groq-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server.ts';
import { makeWav } from './wav-fixture.ts';

let emulator: RunningEmulator;
let groq: Groq;

beforeAll(async () => {
  // A pinned rate clock: a slow call on a loaded machine would otherwise refill a request in between.
  emulator = await startEmulator({ speed: 0, rateClock: () => 0 });
  // groq-sdk appends /openai/v1/... itself, so it takes the bare origin.
  groq = new Groq({ baseURL: emulator.url, apiKey: 'gsk_test', maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

type RawBody = Record<string, unknown>;

async function post(path: string, body: RawBody): Promise<{ status: number; json: { error?: { message: string; code?: string; type: string } } }> {
  const response = await fetch(`${emulator.groqBaseURL}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer gsk_test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const hello = [{ role: 'user' as const, content: 'hello' }];

describe('Groq flavour through the official groq-sdk client', () => {
  it('answers non-streamed with reasoning, x_groq id and Groq usage timings', async () => {
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Tell me something' }] });
    const message = completion.choices[0]!.message;
    expect(message.content).toContain('**openai/gpt-oss-120b**');
    expect(message.reasoning).toContain('emulator');
    expect(completion.x_groq?.id).toMatch(/^req_/);
    expect(completion.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_time: expect.any(Number), queue_time: expect.any(Number) });
  });

  it('streams a role chunk with x_groq, reasoning before content, and usage in the last chunk', async () => {
    const chunks = [];
    for await (const chunk of await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', stream: true, messages: [{ role: 'user', content: 'Stream' }] })) chunks.push(chunk);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks[0]!.x_groq?.id).toMatch(/^req_/);
    const kinds = chunks.map((chunk) => (chunk.choices[0]?.delta.reasoning ? 'reasoning' : chunk.choices[0]?.delta.content ? 'content' : 'other'));
    expect(kinds.lastIndexOf('reasoning')).toBeLessThan(kinds.indexOf('content'));
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(last.choices[0]!.delta).toEqual({});
    expect(last.x_groq?.usage?.completion_tokens).toBe(kinds.filter((kind) => kind !== 'other').length);
  });

  it('lists live models in Groq shape and retrieves one by its slashed id', async () => {
    const list = await groq.models.list();
    const ids = list.data.map((model) => model.id);
    expect(ids).toEqual(expect.arrayContaining(['openai/gpt-oss-20b', 'openai/gpt-oss-120b', 'qwen/qwen3.8-27b', 'whisper-large-v3-turbo', 'whisper-large-v3']));
    expect(ids).not.toContain('llama-3.3-70b-versatile');
    const qwen = list.data.find((model) => model.id === 'qwen/qwen3.8-27b') as unknown as RawBody;
    expect(qwen).toMatchObject({ active: true, context_window: 131072, max_completion_tokens: 16384, input_modalities: ['text', 'image'] });
    const one = await groq.models.retrieve('openai/gpt-oss-20b');
    expect(one.id).toBe('openai/gpt-oss-20b');
  });

  it('answers 400 model_decommissioned naming the replacement', async () => {
    const error = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Groq.BadRequestError);
    const body = (error as InstanceType<typeof Groq.BadRequestError>).error as { error: { code: string; message: string } };
    expect(body.error.code).toBe('model_decommissioned');
    expect(body.error.message).toContain('openai/gpt-oss-120b');
  });

  it('answers 401 invalid_api_key with the Groq body for keys that are not gsk_', async () => {
    const bad = new Groq({ baseURL: emulator.url, apiKey: 'sk-openai-key', maxRetries: 0 });
    const error = await bad.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Groq.AuthenticationError);
    expect((error as InstanceType<typeof Groq.AuthenticationError>).error).toEqual({ error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } });
  });

  it.each([
    ['logprobs', { logprobs: true }],
    ['logit_bias', { logit_bias: { 50256: -100 } }],
    ['top_logprobs', { top_logprobs: 2 }],
    ['n', { n: 2 }],
    ['temperature', { temperature: 2.5 }],
    ['stop', { stop: ['a', 'b', 'c', 'd', 'e'] }],
    ['name', { messages: [{ role: 'user', content: 'x', name: 'bob' }] }],
  ])('rejects %s with a 400 invalid_request_error', async (_field, extra) => {
    const { status, json } = await post('/chat/completions', { model: 'openai/gpt-oss-20b', messages: hello, ...extra });
    expect(status).toBe(400);
    expect(json.error?.type).toBe('invalid_request_error');
  });

  it('rejects missing model and missing messages', async () => {
    expect((await post('/chat/completions', { messages: hello })).json.error?.message).toContain("'model'");
    expect((await post('/chat/completions', { model: 'openai/gpt-oss-20b' })).json.error?.message).toContain("'messages'");
  });

  it('accepts max_completion_tokens and stops with finish_reason length', async () => {
    const completion = await groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', max_completion_tokens: 5, messages: hello });
    expect(completion.choices[0]!.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(5);
  });

  it('answers json_object requests with valid JSON and cuts text at a stop sequence', async () => {
    const json = await groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', response_format: { type: 'json_object' }, messages: [{ role: 'user', content: 'reply in JSON' }] });
    expect(JSON.parse(json.choices[0]!.message.content!)).toMatchObject({ emulator: 'flint', model: 'qwen/qwen3.8-27b' });
    const stopped = await groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', stop: ['local'], messages: hello });
    expect(stopped.choices[0]!.message.content).toBe("This is Flint's ");
  });

  it('lowers x-ratelimit-remaining-requests from one call to the next', async () => {
    const remaining = async () => Number((await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: hello }).withResponse()).response.headers.get('x-ratelimit-remaining-requests'));
    const first = await remaining();
    expect(await remaining()).toBe(first - 1);
  });

  it('refuses strict json_schema on a model without structured outputs', async () => {
    const { status, json } = await post('/chat/completions', { model: 'qwen/qwen3.8-27b', messages: hello, response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' }, strict: true } } });
    expect(status).toBe(400);
    expect(json.error?.message).toContain('json_schema');
  });

  it('applies the vision limits: images on text-only models, more than 5 images, over 4 MB of base64', async () => {
    const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } };
    const withImages = (count: number, url = image.image_url.url) => [{ role: 'user', content: [{ type: 'text', text: 'look' }, ...Array.from({ length: count }, () => ({ type: 'image_url', image_url: { url } }))] }];
    expect((await post('/chat/completions', { model: 'openai/gpt-oss-20b', messages: withImages(1) })).status).toBe(400);
    expect((await post('/chat/completions', { model: 'qwen/qwen3.8-27b', messages: withImages(5) })).status).toBe(200);
    expect((await post('/chat/completions', { model: 'qwen/qwen3.8-27b', messages: withImages(6) })).status).toBe(400);
    const big = `data:image/png;base64,${'A'.repeat(1_500_000)}`;
    expect((await post('/chat/completions', { model: 'qwen/qwen3.8-27b', messages: withImages(3, big) })).status).toBe(413);
  });

  it('transcribes verbose_json with segments, language and the real WAV duration', async () => {
    const file = await toFile(makeWav({ seconds: 2.4 }), 'speech.wav', { type: 'audio/wav' });
    const result = await groq.audio.transcriptions.create({ file, model: 'whisper-large-v3-turbo', response_format: 'verbose_json' }) as unknown as RawBody;
    expect(result.text).toBe(' [emulated whisper-large-v3-turbo transcript of 2.4 s of audio]');
    expect(result.language).toBe('English');
    expect(result.duration).toBeCloseTo(2.4, 2);
    expect(result.segments).toEqual([expect.objectContaining({ id: 0, start: 0, end: 2.4, no_speech_prob: 0.03 })]);
    expect(result.x_groq).toEqual({ id: expect.stringMatching(/^req_/) });
  });

  it('returns an empty transcript with a high no_speech_prob for a silent WAV', async () => {
    const file = await toFile(makeWav({ seconds: 1.5, amplitude: 0 }), 'silence.wav');
    const result = await groq.audio.transcriptions.create({ file, model: 'whisper-large-v3', response_format: 'verbose_json' }) as unknown as { text: string; segments: Array<{ no_speech_prob: number }> };
    expect(result.text).toBe('');
    expect(result.segments[0]!.no_speech_prob).toBeGreaterThan(0.9);
  });

  it('uses a [emulate transcript=...] prompt hint and plain-text responses', async () => {
    const file = await toFile(makeWav({ seconds: 1 }), 'a.wav');
    const text = await groq.audio.transcriptions.create({ file, model: 'whisper-large-v3-turbo', prompt: '[emulate transcript=Hello there.]', response_format: 'text' });
    expect(String(text)).toBe(' Hello there.');
  });

  it('adds word timings when timestamp_granularities includes word', async () => {
    const file = await toFile(makeWav({ seconds: 2 }), 'a.wav');
    const result = await groq.audio.transcriptions.create({ file, model: 'whisper-large-v3-turbo', response_format: 'verbose_json', timestamp_granularities: ['word', 'segment'], prompt: '[emulate transcript=one two three four]' }) as unknown as { words: Array<{ word: string; start: number; end: number }> };
    expect(result.words).toEqual([
      { word: 'one', start: 0, end: 0.5 },
      { word: 'two', start: 0.5, end: 1 },
      { word: 'three', start: 1, end: 1.5 },
      { word: 'four', start: 1.5, end: 2 },
    ]);
  });

  it('rejects bytes that are not audio with 400', async () => {
    const file = await toFile(new TextEncoder().encode('definitely not an audio file'), 'notes.wav');
    const error = await groq.audio.transcriptions.create({ file, model: 'whisper-large-v3-turbo' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Groq.BadRequestError);
    expect((error as Error).message).toContain('file must be one of the following types');
  });

  it('rejects uploads over 25 MB with 413', async () => {
    const file = await toFile(new Uint8Array(25 * 1024 * 1024 + 10), 'huge.mp3');
    const error = await groq.audio.transcriptions.create({ file, model: 'whisper-large-v3-turbo' }).catch((caught: unknown) => caught);
    expect((error as InstanceType<typeof Groq.APIError>).status).toBe(413);
  });
});
