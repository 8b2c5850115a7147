// Structured extraction end to end: POST /api/extract -> schema checks -> router -> fallback chain
// -> the emulator's Groq/OpenAI structured outputs, with faults that break, reject or fail answers.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { RunningEmulator } from '@/emulator/server';
import { freshRuntime } from '@/test/fresh-runtime';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { createHealthRegistry } from '@/lib/ai/health/health';
import { pngDataUrl } from '@/lib/chat/image-test-support';
import { shippedSchemas } from '@/lib/extract';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let POST: typeof import('./route').POST;
let extractObject: typeof import('@/lib/services/extract').extractObject;
let toExtractInput: typeof import('@/lib/services/extract-request').toExtractInput;

beforeAll(async () => {
  emulator = await startWiredEmulator();
  ({ POST } = await import('./route'));
  ({ extractObject } = await import('@/lib/services/extract'));
  ({ toExtractInput } = await import('@/lib/services/extract-request'));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await POST(new Request('http://flint.test/api/extract', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

/** The service with its own breakers, so faults in one test leave the next one's models healthy. */
async function extract(body: Parameters<typeof toExtractInput>[0]) {
  return extractObject(toExtractInput(body), new AbortController().signal, { health: createHealthRegistry(), runtime: await freshRuntime() });
}

const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));
const callerSchema = {
  type: 'object',
  properties: { product: { type: 'string' }, rating: { type: 'integer', minimum: 1, maximum: 5 }, pros: { type: 'array', items: { type: 'string' } }, note: { type: 'string' } },
  required: ['product', 'rating', 'pros'],
};

describe('POST /api/extract', () => {
  it.each(Object.keys(shippedSchemas) as Array<keyof typeof shippedSchemas>)('answers a schema-valid %s object with strict json_schema on gpt-oss', async (name) => {
    const { status, json } = await post({ text: 'Ada Lovelace, Analytical Engines Ltd, ada@example.com, invoice 42 for a lecture on 2026-12-10', schema: name });
    expect(status).toBe(200);
    expect(z.fromJSONSchema(shippedSchemas[name] as never).safeParse(json.object).success).toBe(true);
    expect(json).toMatchObject({ model: 'openai/gpt-oss-20b', provider: 'groq', attempts: [{ model: 'openai/gpt-oss-20b', outcome: 'ok', repair: false }] });
    expect(json.usage.inputTokens).toBeGreaterThan(0);
    expect(json.costUsd).toBeGreaterThan(0);
    expect(chatCalls().map((entry) => entry.responseFormat)).toEqual(['json_schema:strict']);
  });

  it("validates a caller's schema that strict mode cannot take, sending it best effort", async () => {
    const { status, json } = await post({ text: 'The Flint kettle: 4 of 5, quick and quiet.', schema: callerSchema });
    expect(status).toBe(200);
    expect(z.fromJSONSchema(callerSchema as never).parse(json.object)).toEqual(json.object);
    expect(json.object).toMatchObject({ rating: 1, pros: ['emulated pros'] });
    expect(chatCalls().map((entry) => entry.responseFormat)).toEqual(['json_schema']);
  });

  it('extracts from an image on the vision model, in best-effort JSON mode (it has no strict decoding)', async () => {
    const { status, json } = await post({ image: pngDataUrl, schema: 'contact' });
    expect(status).toBe(200);
    expect(json.model).toBe('qwen/qwen3.8-27b');
    expect(chatCalls()).toEqual([expect.objectContaining({ model: 'qwen/qwen3.8-27b', responseFormat: 'json_schema', images: [expect.objectContaining({ mediaType: 'image/png' })] })]);
  });

  it.each([
    [{ text: 'x', schema: 'recipe' }, 400, 'invalid_schema:extract', /no shipped schema named "recipe".*contact, invoice, event/],
    [{ text: 'x', schema: { type: 'object', properties: { code: { type: 'string', minLength: 9, maxLength: 3 } } } }, 400, 'invalid_schema:extract', /properties\.code: minLength \(9\) is greater than maxLength \(3\)/],
    [{ text: 'x', schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['b'], additionalProperties: false } }, 400, 'invalid_schema:extract', /"b" is required but not allowed/],
    [{ text: 'x', schema: { type: 'array', items: { type: 'string' } } }, 400, 'invalid_schema:extract', /must describe an object/],
    [{ text: 'x', schema: { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } } }, 400, 'invalid_schema:extract', /Reference not found/],
    [{ schema: 'contact' }, 400, 'bad_request:api', /send `text`, `image`, or both/],
    [{ image: 'data:image/bmp;base64,Qk0=', schema: 'contact' }, 415, 'unsupported_file:chat', /image\/bmp/],
  ])('rejects %j with %i %s saying why', async (body, status, code, message) => {
    const answer = await post(body);
    expect(answer.status).toBe(status);
    expect(answer.json.error.code).toBe(code);
    expect(answer.json.error.message).toMatch(message);
    expect(chatCalls()).toHaveLength(0);
  });

  it('answers 415 to a body that is not JSON and 413 to one over 6 MB', async () => {
    expect((await post('text=hi', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const big = await post({ text: 'x'.repeat(7 * 1024 * 1024), schema: 'contact' });
    expect([big.status, big.json.error.code]).toEqual([413, 'too_large:api']);
  });
});

describe('extraction through the fallback chain', () => {
  it('repairs an invalid object once on the same model, re-asking with the validation error', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'schema_mismatch', times: 1 });
    const result = await extract({ text: 'Ada', schema: 'contact' });
    expect(result.model).toBe('openai/gpt-oss-20b');
    expect(result.attempts.map((attempt) => [attempt.model, attempt.outcome, attempt.repair])).toEqual([
      ['openai/gpt-oss-20b', 'invalid_object', false],
      ['openai/gpt-oss-20b', 'ok', true],
    ]);
    expect(chatCalls().map((entry) => entry.fault)).toEqual(['schema_mismatch', undefined]);
    // The repair quotes the validator: the required fields the broken answer lacked.
    expect(chatCalls()[1]!.lastUserText).toMatch(/^That JSON does not match the schema: name: Invalid input: expected string, received undefined/);
  });

  it('repairs after json_validate_failed too', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'json_validate_failed', times: 1 });
    const result = await extract({ text: 'Ada', schema: 'event' });
    expect(result.attempts.map((attempt) => [attempt.model, attempt.repair])).toEqual([['openai/gpt-oss-20b', false], ['openai/gpt-oss-20b', true]]);
    expect(result.model).toBe('openai/gpt-oss-20b');
  });

  it('moves to the next model when the repair is invalid as well', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'schema_mismatch', times: 2 });
    const result = await extract({ text: 'Ada', schema: 'invoice' });
    expect(result.model).toBe('openai/gpt-oss-120b');
    expect(result.attempts.map((attempt) => [attempt.model, attempt.outcome])).toEqual([
      ['openai/gpt-oss-20b', 'invalid_object'],
      ['openai/gpt-oss-20b', 'invalid_object'],
      ['openai/gpt-oss-120b', 'ok'],
    ]);
    // Every call is paid for, the invalid ones included.
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('falls back to the next model on a 503', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 503 });
    const result = await extract({ text: 'Ada', schema: 'contact' });
    expect(result.model).toBe('openai/gpt-oss-120b');
    expect(result.attempts.map((attempt) => attempt.outcome)).toEqual(['server_error', 'ok']);
  });

  it('answers unavailable:extract when every model fails, and no_object:extract when none gets it right', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 503 });
    emulator.faults.add({ provider: 'openai', kind: 'status', status: 503 });
    await expect(extract({ text: 'Ada', schema: 'contact' })).rejects.toMatchObject({ code: 'unavailable:extract', status: 503 });
    emulator.faults.clear();
    emulator.requests.clear();
    emulator.faults.add({ provider: 'groq', kind: 'schema_mismatch' });
    emulator.faults.add({ provider: 'openai', kind: 'schema_mismatch' });
    await expect(extract({ text: 'Ada', schema: 'contact' })).rejects.toMatchObject({ code: 'no_object:extract', status: 422 });
    // Three models, each asked once and repaired once.
    expect(chatCalls()).toHaveLength(6);
  });
});
