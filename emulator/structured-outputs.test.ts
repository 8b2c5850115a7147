// Structured outputs and JSON mode as PROVIDERS.md describes them, through groq-sdk and @ai-sdk/groq.
import { createGroq } from '@ai-sdk/groq';
import { APICallError, generateText, Output } from 'ai';
import Groq from 'groq-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from './server.ts';

let emulator: RunningEmulator;
let groq: Groq;
let aiGroq: ReturnType<typeof createGroq>;

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  groq = new Groq({ baseURL: emulator.url, apiKey: 'gsk_test', maxRetries: 0 });
  aiGroq = createGroq({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_test' });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

const strictSchema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'], additionalProperties: false };
const looseSchema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name'] };
const format = (schema: object, strict: boolean) => ({ type: 'json_schema', json_schema: { name: 'person', schema, strict } }) as never;
const ask = (content: string) => [{ role: 'user' as const, content }];

async function status(promise: Promise<unknown>): Promise<{ status: number; error: { code?: string; message: string; failed_generation?: string } }> {
  const caught = await promise.then(() => undefined, (error: unknown) => error);
  const apiError = caught as InstanceType<typeof Groq.APIError>;
  return { status: apiError.status ?? 0, error: (apiError.error as { error: { message: string } }).error };
}

describe('structured outputs', () => {
  it('gives strict json_schema on gpt-oss a conforming object', async () => {
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('a person'), response_format: format(strictSchema, true) });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ name: 'emulated name', age: 1 });
  });

  it('rejects strict mode on qwen3.8 with 400 but answers strict:false best effort', async () => {
    const rejected = await status(groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: ask('a person'), response_format: format(strictSchema, true) }));
    expect(rejected.status).toBe(400);
    expect(rejected.error.message).toContain('strict');
    const loose = await groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: ask('a person'), response_format: format(looseSchema, false) });
    expect(JSON.parse(loose.choices[0]!.message.content!)).toMatchObject({ name: 'emulated name' });
  });

  it('rejects a strict schema with optional fields or open objects', async () => {
    const rejected = await status(groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('a person'), response_format: format(looseSchema, true) }));
    expect(rejected.status).toBe(400);
    expect(rejected.error.message).toContain('additionalProperties');
  });

  it('needs the word JSON in the prompt for json_object', async () => {
    const rejected = await status(groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: ask('a person'), response_format: { type: 'json_object' } }));
    expect(rejected.status).toBe(400);
    const accepted = await groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: ask('a person as JSON'), response_format: { type: 'json_object' } });
    expect(JSON.parse(accepted.choices[0]!.message.content!)).toMatchObject({ emulator: 'flint' });
  });

  it('answers a json_validate_failed fault with failed_generation', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'json_validate_failed', times: 1 });
    const rejected = await status(groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: ask('a person'), response_format: format(looseSchema, false) }));
    expect(rejected).toMatchObject({ status: 400, error: { code: 'json_validate_failed' } });
    expect(() => JSON.parse(rejected.error.failed_generation!)).toThrow();
  });

  it('answers schema-breaking JSON once under a schema_mismatch fault: the AI SDK reports no object', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'schema_mismatch', times: 1 });
    const schema = z.object({ name: z.string(), age: z.number().int() });
    const failed = await generateText({ model: aiGroq('openai/gpt-oss-20b'), output: Output.object({ schema }), prompt: 'a person', maxRetries: 0 }).catch((error: unknown) => error);
    expect((failed as Error).name).toBe('AI_NoObjectGeneratedError');
    const result = await generateText({ model: aiGroq('openai/gpt-oss-20b'), output: Output.object({ schema }), prompt: 'a person', maxRetries: 0 });
    expect(result.output).toEqual({ name: 'emulated name', age: 1 });
  });

  it('lets @ai-sdk/groq send best-effort json_schema to qwen3.8 with strictJsonSchema false, and fail with the default', async () => {
    const schema = z.object({ name: z.string() });
    const strict = await generateText({ model: aiGroq('qwen/qwen3.8-27b'), output: Output.object({ schema }), prompt: 'a person', maxRetries: 0 }).catch((error: unknown) => error);
    expect(APICallError.isInstance(strict) && strict.statusCode).toBe(400);
    const loose = await generateText({ model: aiGroq('qwen/qwen3.8-27b'), output: Output.object({ schema }), prompt: 'a person', maxRetries: 0, providerOptions: { groq: { strictJsonSchema: false } } });
    expect(loose.output).toEqual({ name: 'emulated name' });
  });
});
