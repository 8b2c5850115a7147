import { createGroq } from '@ai-sdk/groq';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, generateText, isStepCount, Output, streamText, tool, transcribe } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from './server.ts';
import { makeWav } from './wav-fixture.ts';

let emulator: RunningEmulator;
let groq: ReturnType<typeof createGroq>;
let openai: ReturnType<typeof createOpenAI>;

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  groq = createGroq({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_test' });
  openai = createOpenAI({ baseURL: emulator.openaiBaseURL, apiKey: 'sk-test' });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

const weather = tool({
  description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
  execute: async ({ city, unit }) => ({ city, unit, temperature: 21 }),
});

describe('AI SDK providers against the emulator', () => {
  it('generateText with groq returns text, reasoning and usage', async () => {
    const result = await generateText({ model: groq('openai/gpt-oss-20b'), prompt: 'Say hi', maxRetries: 0 });
    expect(result.text).toContain('**openai/gpt-oss-20b**');
    expect(result.reasoningText).toContain('emulator');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(result.usage.outputTokenDetails.reasoningTokens ?? 0);
  });

  it('streamText with groq streams reasoning then many text deltas and reads usage from x_groq.usage', async () => {
    const result = streamText({ model: groq('openai/gpt-oss-120b'), prompt: 'Stream it', maxRetries: 0 });
    const types: string[] = [];
    let textDeltas = 0;
    for await (const part of result.stream) {
      types.push(part.type);
      if (part.type === 'text-delta') textDeltas += 1;
    }
    expect(types.indexOf('reasoning-delta')).toBeGreaterThan(-1);
    expect(types.indexOf('reasoning-delta')).toBeLessThan(types.indexOf('text-delta'));
    expect(textDeltas).toBeGreaterThan(20);
    const usage = await result.usage;
    expect(usage.outputTokens).toBeGreaterThan(textDeltas);
    expect(usage.outputTokenDetails.reasoningTokens).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('stop');
  });

  it('streamText with openai.chat reads usage sent because of include_usage', async () => {
    const result = streamText({ model: openai.chat('gpt-4.1-mini'), prompt: 'Stream it', maxRetries: 0 });
    const text = await result.text;
    expect(text).toContain('**gpt-4.1-mini**');
    const usage = await result.usage;
    expect(usage.outputTokens).toBeGreaterThan(20);
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it.each(['groq', 'openai'] as const)('round-trips a tool call through %s', async (provider) => {
    const model = provider === 'groq' ? groq('openai/gpt-oss-20b') : openai.chat('gpt-4.1-mini');
    const result = await generateText({ model, tools: { weather }, stopWhen: isStepCount(3), prompt: 'Call weather for Oslo', maxRetries: 0 });
    expect(result.steps[0]!.finishReason).toBe('tool-calls');
    expect(result.steps[0]!.toolCalls[0]!.input).toEqual({ city: 'emulated city', unit: 'celsius' });
    expect(result.steps[0]!.toolResults[0]!.output).toEqual({ city: 'emulated city', unit: 'celsius', temperature: 21 });
    expect(result.text).toContain('The tool `weather` returned');
    expect(result.steps).toHaveLength(2);
  });

  it('streams a tool call whole on groq', async () => {
    const result = streamText({ model: groq('openai/gpt-oss-20b'), tools: { weather }, prompt: 'weather please', maxRetries: 0 });
    const calls = await result.toolCalls;
    expect(calls.map((call) => call.toolName)).toEqual(['weather']);
  });

  it.each([
    ['groq', 'openai/gpt-oss-20b'],
    ['openai', 'gpt-4.1-mini'],
  ] as const)('produces schema-conforming JSON with Output.object on %s', async (provider, id) => {
    const schema = z.object({ title: z.string(), steps: z.array(z.object({ order: z.number().int(), text: z.string() })).min(2), vegan: z.boolean(), level: z.enum(['easy', 'hard']) });
    const model = provider === 'groq' ? groq(id) : openai.chat(id);
    const result = await generateText({ model, output: Output.object({ schema }), prompt: 'A recipe', maxRetries: 0 });
    expect(schema.parse(result.output)).toEqual(result.output);
    expect(result.output.steps).toHaveLength(2);
  });

  it('throws APICallError with retry-after visible on a 429 fault', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 429, retryAfterSeconds: 7 });
    const error = await generateText({ model: groq('openai/gpt-oss-20b'), prompt: 'x', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.responseHeaders?.['retry-after']).toBe('7');
    expect(apiError.responseHeaders?.['x-ratelimit-remaining-tokens']).toBe('0');
    expect(apiError.message).toContain('Please try again in 7s');
  });

  it('reports 404 for an unknown model and a decommissioned model as 400', async () => {
    const unknown = await generateText({ model: groq('openai/gpt-oss-999b'), prompt: 'x', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect((unknown as APICallError).statusCode).toBe(404);
    const retired = await generateText({ model: groq('qwen/qwen3.6-27b'), prompt: 'x', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect((retired as APICallError).statusCode).toBe(400);
    expect((retired as APICallError).responseBody).toContain('model_decommissioned');
  });

  it('rejects an image sent to a text-only model with 400', async () => {
    const error = await generateText({
      model: groq('openai/gpt-oss-20b'),
      messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'file', mediaType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) }] }],
      maxRetries: 0,
    }).catch((caught: unknown) => caught);
    expect((error as APICallError).statusCode).toBe(400);
  });

  it('accepts an image on the vision model and counts it in prompt tokens', async () => {
    const result = await generateText({
      model: groq('qwen/qwen3.8-27b'),
      messages: [{ role: 'user', content: [{ type: 'text', text: 'describe' }, { type: 'file', mediaType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) }] }],
      maxRetries: 0,
    });
    expect(result.text).toContain('I received 1 image');
    expect(result.usage.inputTokens).toBeGreaterThan(85);
  });

  it('cuts a dropped stream after the first tokens: iterating throws, as PROVIDERS.md warns', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'drop', afterChunks: 5 });
    const result = streamText({ model: groq('qwen/qwen3.8-27b'), prompt: 'x', maxRetries: 0, onError: () => {} });
    let text = '';
    const failure = await (async () => {
      for await (const part of result.stream) if (part.type === 'text-delta') text += part.text;
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(Error);
    expect(text).toBe("This is Flint's local");
  });

  it('surfaces a Groq error frame as a stream error part', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'error-frame', afterChunks: 6, type: 'service_unavailable', message: 'over capacity' });
    const result = streamText({ model: groq('openai/gpt-oss-20b'), prompt: 'x', maxRetries: 0, onError: () => {} });
    const errors: unknown[] = [];
    for await (const part of result.stream) if (part.type === 'error') errors.push(part.error);
    expect(errors.length).toBeGreaterThan(0);
    expect(String((errors[0] as Error).message)).toContain('over capacity');
  });

  it('lets a client-side timeout abort a stalled call', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'stall' });
    const started = Date.now();
    const error = await generateText({ model: groq('openai/gpt-oss-20b'), prompt: 'x', maxRetries: 0, abortSignal: AbortSignal.timeout(300) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(emulator.requests.list()).toEqual([expect.objectContaining({ fault: 'stall', status: 0 })]);
  });

  it('transcribes through groq.transcription with segments, language and duration', async () => {
    const result = await transcribe({
      model: groq.transcription('whisper-large-v3-turbo'),
      audio: makeWav({ seconds: 3 }),
      providerOptions: { groq: { responseFormat: 'verbose_json' } },
      maxRetries: 0,
    });
    expect(result.text).toBe(' [emulated whisper-large-v3-turbo transcript of 3.0 s of audio]');
    expect(result.durationInSeconds).toBeCloseTo(3, 2);
    expect(result.language).toBe('English');
    expect(result.segments[0]).toMatchObject({ startSecond: 0, endSecond: 3 });
  });

  it('transcribes through openai.transcription (whisper-1)', async () => {
    const result = await transcribe({ model: openai.transcription('whisper-1'), audio: makeWav({ seconds: 1 }), maxRetries: 0 });
    expect(result.text).toContain('whisper-1');
  });
});
