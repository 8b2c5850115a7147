import { createGroq } from '@ai-sdk/groq';
import type { LanguageModelV4CallOptions, LanguageModelV4FunctionTool } from '@ai-sdk/provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import type { FaultSpec } from '../../../emulator/types';
import { describeError, streamOutcome } from '../../../test/stream-outcome';
import { createLeanGroqModel } from './lean-groq-model';

let emulator: RunningEmulator;
let wireCalls = 0;
/** What each call put on the wire, in order: URL, headers, body. */
let sent: Array<{ url: string; headers: unknown; body: unknown }> = [];
const countingFetch: typeof fetch = (input, init) => {
  wireCalls += 1;
  sent.push({ url: String(input), headers: init?.headers, body: init?.body });
  return fetch(input, init);
};

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speed: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  wireCalls = 0;
});

const settings = () => ({ apiKey: 'gsk_test', baseURL: emulator.groqBaseURL, fetch: countingFetch });

function call(text: string, extra: Partial<LanguageModelV4CallOptions> = {}): LanguageModelV4CallOptions {
  return { prompt: [{ role: 'user', content: [{ type: 'text', text }] }], ...extra };
}

function functionTool(name: string): LanguageModelV4FunctionTool {
  return {
    type: 'function',
    name,
    description: `The ${name} tool`,
    inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  };
}

/**
 * The same call through @ai-sdk/groq, through a new lean model (the SDK builds its first request) and
 * through a lean model that has sent a plain call before (a plain call then goes out as its own bytes),
 * on the same emulator; with what each put on the wire.
 */
async function both(modelId: string, options: LanguageModelV4CallOptions, fault?: Omit<FaultSpec, 'provider'>) {
  emulator.faults.clear();
  const warm = createLeanGroqModel(modelId, settings());
  await streamOutcome(warm, call('A first, plain call'));
  if (fault) emulator.faults.add({ provider: 'groq', model: modelId, ...fault });
  sent = [];
  const sdk = await streamOutcome(createGroq(settings()).languageModel(modelId), options);
  const lean = await streamOutcome(createLeanGroqModel(modelId, settings()), options);
  const later = await streamOutcome(warm, options);
  return { sdk, lean, later, sent };
}

const scenarios: [string, string, LanguageModelV4CallOptions, Omit<FaultSpec, 'provider'>?][] = [
  ['plain text on gpt-oss (reasoning, then text, usage in the last chunk)', 'openai/gpt-oss-120b', call('Say hi')],
  ['a model without reasoning', 'qwen/qwen3.8-27b', call('Say hi [emulate tokens=40]')],
  ['a length finish', 'openai/gpt-oss-20b', call('Write a lot [emulate tokens=400]', { maxOutputTokens: 12 })],
  ['one streamed tool call', 'openai/gpt-oss-120b', call('Use weather for Oslo', { tools: [functionTool('weather')] })],
  [
    'several streamed tool calls',
    'openai/gpt-oss-120b',
    call('Use weather and forecast for Oslo', { tools: [functionTool('weather'), functionTool('forecast')] }),
  ],
  ['an error frame mid-stream', 'openai/gpt-oss-120b', call('Say hi'), { kind: 'error-frame', afterChunks: 5, type: 'server_error', message: 'boom' }],
  ['a rate-limit error frame', 'openai/gpt-oss-20b', call('Say hi'), { kind: 'error-frame', afterChunks: 2, type: 'rate_limit_error', message: 'slow down' }],
  ['a stream dropped after 6 chunks', 'openai/gpt-oss-120b', call('Say hi'), { kind: 'drop', afterChunks: 6 }],
  ['a 429 before the stream', 'openai/gpt-oss-120b', call('Say hi'), { kind: 'status', status: 429, retryAfterSeconds: 3 }],
  ['a 503 before the stream', 'openai/gpt-oss-120b', call('Say hi'), { kind: 'status', status: 503 }],
  ['a 400 before the stream', 'openai/gpt-oss-120b', call('Say hi'), { kind: 'status', status: 400, type: 'invalid_request_error' }],
  // The three calls the lean parser leaves to the SDK: each differs from the lean parse if not delegated.
  ['raw chunks requested', 'openai/gpt-oss-20b', call('Say hi', { includeRawChunks: true })],
  [
    'JSON output through a tool (the SDK turns the json tool call into text)',
    'openai/gpt-oss-120b',
    call('Answer in json', {
      tools: [functionTool('weather')],
      responseFormat: { type: 'json', schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false } },
    }),
  ],
  ['a provider-defined tool', 'openai/gpt-oss-120b', call('Search the latest news', { tools: [{ type: 'provider', id: 'groq.browser_search', name: 'browser_search', args: {} }] })],
  ['a 400 tool_use_failed', 'openai/gpt-oss-120b', call('Use weather', { tools: [functionTool('weather')] }), { kind: 'tool_use_failed' }],
];

describe('createLeanGroqModel against @ai-sdk/groq on the emulator', () => {
  it.each(scenarios)('gives the same parts and errors: %s', async (_name, modelId, options, fault) => {
    const { sdk, lean, later, sent: wire } = await both(modelId, options, fault);
    expect(lean).toStrictEqual(sdk);
    expect(later).toStrictEqual(sdk);
    expect(sdk.parts.length + (sdk.thrown ? 1 : 0)).toBeGreaterThan(0);
    // The same request each time: URL, headers and body bytes.
    const request = ({ url, headers, body }: (typeof wire)[number]) => ({ url, body, headers: Object.fromEntries(new Headers(headers as HeadersInit)) });
    expect(wire.map(request)).toStrictEqual([request(wire[0]!), request(wire[0]!), request(wire[0]!)]);
    expect(request(wire[0]!).headers).toMatchObject({ authorization: 'Bearer gsk_test', 'user-agent': expect.stringContaining('ai-sdk-groq/') });
  });

  it('covers the shapes the scenarios claim (reasoning, tool calls, usage, length, errors)', async () => {
    const reasoning = await both('openai/gpt-oss-120b', call('Say hi'));
    const types = reasoning.lean.parts.map((part) => (part as { type: string }).type);
    expect(types).toEqual(expect.arrayContaining(['stream-start', 'response-metadata', 'reasoning-delta', 'text-delta', 'finish']));
    expect(reasoning.lean.parts.at(-1)).toMatchObject({ finishReason: { unified: 'stop' }, usage: { outputTokens: { reasoning: expect.any(Number) } } });
    const tools = await both('openai/gpt-oss-120b', call('Use weather and forecast for Oslo', { tools: [functionTool('weather'), functionTool('forecast')] }));
    expect(tools.lean.parts.filter((part) => (part as { type: string }).type === 'tool-call')).toHaveLength(2);
    const length = await both('openai/gpt-oss-20b', call('Write a lot [emulate tokens=400]', { maxOutputTokens: 12 }));
    expect(length.lean.parts.at(-1)).toMatchObject({ finishReason: { unified: 'length' } });
    const dropped = await both('openai/gpt-oss-120b', call('Say hi'), { kind: 'drop', afterChunks: 6 });
    expect(dropped.lean.failed).toMatchObject({ class: 'APICallError', message: 'Failed to process successful response' });
    const raw = await both('openai/gpt-oss-20b', call('Say hi', { includeRawChunks: true }));
    expect(raw.lean.parts).toContainEqual(expect.objectContaining({ type: 'raw' }));
    const json = await both('openai/gpt-oss-120b', scenarios.find(([name]) => name.startsWith('JSON output'))![2]);
    expect(json.lean.parts).not.toContainEqual(expect.objectContaining({ type: 'tool-call' }));
    expect(json.lean.parts).toContainEqual(expect.objectContaining({ type: 'text-delta' }));
    const limited = await both('openai/gpt-oss-120b', call('Say hi'), { kind: 'status', status: 429 });
    expect(limited.lean.thrown).toMatchObject({ class: 'APICallError', statusCode: 429, isRetryable: true });
  });

  it('sends each call once, through the fetch it was given', async () => {
    await streamOutcome(createLeanGroqModel('openai/gpt-oss-20b', settings()), call('Say hi'));
    expect(wireCalls).toBe(1);
  });

  it('aborting mid-stream fails the stream with the error the SDK gives', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'slow', ms: 20 });
    const outcomes = [];
    for (const model of [createGroq(settings()).languageModel('openai/gpt-oss-20b'), createLeanGroqModel('openai/gpt-oss-20b', settings())]) {
      const controller = new AbortController();
      const result = await model.doStream(call('Say hi', { abortSignal: controller.signal }));
      const reader = result.stream.getReader();
      await reader.read();
      await reader.read();
      controller.abort(new Error('stop pressed'));
      let error: unknown;
      try {
        while (!(await reader.read()).done);
      } catch (caught) {
        error = caught;
      }
      outcomes.push(describeError(error));
    }
    expect(outcomes[1]).toStrictEqual(outcomes[0]);
    // The SDK wraps an abort with a non-AbortError reason like any other body failure.
    expect(outcomes[0]).toMatchObject({ class: 'APICallError', cause: { message: 'stop pressed' } });
  });
});
